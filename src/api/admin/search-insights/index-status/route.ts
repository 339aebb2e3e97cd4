import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { searchModule } from "../../../store-search/search-context"

/**
 * GET /admin/search-insights/index-status: documents in the product index next to the published products it
 * should hold, for the widget on Settings → Search (Medusa's page lists indexes without counts).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const [indexed, [, published]] = await Promise.all([
    searchModule(req).search({ entity: "product", pagination: { take: 0 }, search_options: { count: "exact" } }),
    req.scope
      .resolve(Modules.PRODUCT)
      .listAndCountProducts({ status: "published" } as any, { take: 1, select: ["id"] }),
  ])
  res.json({
    index: "product",
    documents: indexed.metadata.count ?? 0,
    published_products: published,
  })
}
