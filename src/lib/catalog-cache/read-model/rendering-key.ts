import { createHash } from "node:crypto"
import type { MedusaRequest } from "@medusajs/framework/http"

/** A product-list request after Medusa's route middlewares: what they worked out from its query and key. */
export type ProductListRequest = MedusaRequest & {
  filterableFields: Record<string, unknown>
  queryConfig: { fields: string[]; pagination: Record<string, unknown> }
  pricingContext?: unknown
  taxContext?: unknown
  locale?: string
  publishable_key_context?: { sales_channel_ids?: string[] }
  validatedQuery?: Record<string, unknown>
}

/**
 * The part of every document key that is the same for all products of this request: the fields, the pricing
 * context (region, currency, customer groups), the tax context, the locale, the sales channels and the generation.
 */
export function renderingKey(req: ProductListRequest, generation: string): string {
  const parts = [
    JSON.stringify(req.queryConfig.fields),
    JSON.stringify(req.pricingContext ?? null),
    JSON.stringify(req.taxContext ?? null),
    req.locale ?? "",
    JSON.stringify(req.publishable_key_context?.sales_channel_ids ?? []),
    JSON.stringify(req.validatedQuery?.sales_channel_id ?? null),
    generation,
  ]
  return createHash("sha256").update(parts.join("\n")).digest("base64url")
}
