/**
 * Which products an event touches. The product index re-reads those products (or deletes the ones that are gone,
 * unpublished or no longer produce a document), so every event that changes what a product document holds is
 * listed here with the way back from its entity to the product ids.
 */

export type Graph = (input: {
  entity: string
  fields: string[]
  filters?: Record<string, unknown>
  withDeleted?: boolean
}) => Promise<{ data: any[] }>

export type Resolver = (ids: string[], graph: Graph) => Promise<string[]>

const productIds: Resolver = async (ids) => ids

/** Variants (deleted ones too: their product must drop the SKU) → product. */
const fromVariants: Resolver = async (ids, graph) => {
  const { data } = await graph({ entity: "product_variant", fields: ["product_id"], filters: { id: ids }, withDeleted: true })
  return data.map((row) => row.product_id)
}

export const fromInventoryItems = async (inventoryItemIds: string[], graph: Graph): Promise<string[]> => {
  if (!inventoryItemIds.length) {
    return []
  }
  const { data } = await graph({
    entity: "product_variant_inventory_items",
    fields: ["variant.product_id"],
    filters: { inventory_item_id: inventoryItemIds },
  })
  return data.map((row) => row.variant?.product_id)
}

export const fromInventoryLevels: Resolver = async (ids, graph) => {
  const { data } = await graph({ entity: "inventory_level", fields: ["inventory_item_id"], filters: { id: ids }, withDeleted: true })
  return fromInventoryItems(data.map((row) => row.inventory_item_id), graph)
}

export const fromReservations: Resolver = async (ids, graph) => {
  const { data } = await graph({ entity: "reservation_item", fields: ["inventory_item_id"], filters: { id: ids }, withDeleted: true })
  return fromInventoryItems(data.map((row) => row.inventory_item_id), graph)
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

/** The ids an event carries: `{ id }` or `{ id: [...] }`, or a list of either. */
export function eventIds(data: unknown): string[] {
  const entries = Array.isArray(data) ? data : [data]
  return entries.flatMap((entry) => {
    const id = (entry as { id?: unknown } | null)?.id
    return (Array.isArray(id) ? id : [id]).filter((value): value is string => typeof value === "string" && value !== "")
  })
}

/** The products an event touches, each once, by the resolvers of an event table (the product index's by default). */
export async function resolveProductIds(
  event: { name: string; data: unknown },
  graph: Graph,
  resolvers: Record<string, Resolver> = PRODUCT_INDEX_EVENTS
): Promise<string[]> {
  const resolver = resolvers[event.name]
  const ids = eventIds(event.data)
  if (!resolver || !ids.length) {
    return []
  }
  const resolved = await resolver(ids, graph)
  return [...new Set(resolved.filter((id): id is string => typeof id === "string" && id !== ""))]
}
