import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Line items sent to the store (`POST /store/carts` items, `…/line-items`, `…/line-items/:line_id`):
 * - Medusa's validators accept any positive number as a quantity, and 1.5 is then stored rounded. Items are sold in
 *   whole units.
 * - An empty `variant_id` passes Medusa's validator and then crashes the cart workflow (a 500).
 * Anything else is refused with a 400 that names the field.
 */
export function requireValidLineItems(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction): void {
  const body = (req.body ?? {}) as { quantity?: unknown; variant_id?: unknown; items?: unknown }
  const problems: string[] = []
  checkQuantity(body.quantity, "quantity", problems)
  checkVariant(body, "variant_id", problems)
  if (Array.isArray(body.items)) {
    body.items.forEach((item, index) => {
      checkQuantity((item as { quantity?: unknown })?.quantity, `items[${index}].quantity`, problems)
      checkVariant(item, `items[${index}].variant_id`, problems)
    })
  }
  if (problems.length > 0) {
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; ")))
  }
  next()
}

function checkQuantity(value: unknown, field: string, problems: string[]): void {
  if (typeof value === "number" && Number.isFinite(value) && !Number.isInteger(value)) {
    problems.push(`${field} must be a whole number of units (got ${value})`)
  }
}

function checkVariant(holder: unknown, field: string, problems: string[]): void {
  if (!holder || typeof holder !== "object" || !("variant_id" in holder)) {
    return
  }
  const value = (holder as { variant_id?: unknown }).variant_id
  if (typeof value === "string" && value.trim() === "") {
    problems.push(`${field} must be a product variant id (got an empty string)`)
  }
}
