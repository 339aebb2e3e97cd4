import { defineSearchIndex, graphConsume, graphSeed } from "@medusajs/framework/utils"
import type { SearchTypes } from "@medusajs/framework/types"
import { PRODUCT_GRAPH_FIELDS, toProductDocument, type ProductRow } from "../lib/search/product-document"
import { PRODUCT_INDEX_EVENTS, resolveProductIds } from "../lib/search/product-events"
import { productSearchFields } from "../lib/search/product-fields"
import { loadInStockChannels } from "../lib/search/product-stock"

/**
 * Tienda's product index (Medusa Search Module). Only published products are indexed: an event that unpublishes
 * or deletes a product makes `graphConsume` delete its document. See src/search/README.md.
 */
async function toDocuments(rows: ProductRow[], context: SearchTypes.SearchIngestionContext) {
  const published = rows.filter((row) => row.status === "published")
  const graph = context.container.query.graph.bind(context.container.query)
  const stock = await loadInStockChannels(graph, published)
  return published.map((row) => toProductDocument(row, stock.get(row.id) ?? []))
}

export default defineSearchIndex({
  name: "product",
  entity: "product",
  fields: productSearchFields,
  events: Object.keys(PRODUCT_INDEX_EVENTS),
  consume: graphConsume({
    fields: PRODUCT_GRAPH_FIELDS,
    transform: toDocuments as any,
    is_delete: (event) => event.name === "product.deleted",
    resolve_ids: (event, context) =>
      resolveProductIds(event as any, context.container.query.graph.bind(context.container.query)),
  }),
  seed: graphSeed({ fields: PRODUCT_GRAPH_FIELDS, batch_size: 200, transform: toDocuments as any }),
})
