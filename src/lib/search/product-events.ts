import { fromInventoryLevels, fromReservations, productsOfEvent, type Graph, type Resolver } from "../products-of-event"

/**
 * Which products an event touches. The product index re-reads those products (or deletes the ones that are gone,
 * unpublished or no longer produce a document), so every event that changes what a product document holds is
 * listed here with the way back from its entity to the product ids.
 */

const productIds: Resolver = async (ids) => ids

/** Variants (deleted ones too: their product must drop the SKU) → product. */
const fromVariants: Resolver = async (ids, graph) => {
  const { data } = await graph({
    entity: "product_variant",
    fields: ["product_id"],
    filters: { id: ids },
    withDeleted: true,
  })
  return data.map((row) => row.product_id)
}

const throughProducts =
  (entity: string): Resolver =>
  async (ids, graph) => {
    const { data } = await graph({ entity, fields: ["products.id"], filters: { id: ids }, withDeleted: true })
    return data.flatMap((row) => (row.products ?? []).map((product: { id: string }) => product.id))
  }

const byProductColumn =
  (column: string): Resolver =>
  async (ids, graph) => {
    const { data } = await graph({ entity: "product", fields: ["id"], filters: { [column]: ids } })
    return data.map((row) => row.id)
  }

export const PRODUCT_INDEX_EVENTS: Record<string, Resolver> = {
  "product.created": productIds,
  "product.updated": productIds,
  "product.deleted": productIds,
  "product-variant.created": fromVariants,
  "product-variant.updated": fromVariants,
  "product-variant.deleted": fromVariants,
  "product-category.updated": throughProducts("product_category"),
  "product-category.deleted": throughProducts("product_category"),
  "product-collection.updated": byProductColumn("collection_id"),
  "product-collection.deleted": byProductColumn("collection_id"),
  "product-tag.updated": throughProducts("product_tag"),
  "product-type.updated": byProductColumn("type_id"),
  "inventory-level.created": fromInventoryLevels,
  "inventory-level.updated": fromInventoryLevels,
  "inventory-level.deleted": fromInventoryLevels,
  "reservation-item.created": fromReservations,
  "reservation-item.updated": fromReservations,
  "reservation-item.deleted": fromReservations,
}

/** The products an event touches, each once, by the product index's resolvers. */
export function resolveProductIds(event: { name: string; data: unknown }, graph: Graph): Promise<string[]> {
  return productsOfEvent(event, graph, PRODUCT_INDEX_EVENTS)
}
