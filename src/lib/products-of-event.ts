/**
 * The way back from an event's entities to the products they belong to, shared by the search index
 * (src/lib/search/product-events.ts) and the catalog cache's stock invalidation (src/lib/catalog-cache/).
 */

export type Graph = (input: {
  entity: string
  fields: string[]
  filters?: Record<string, unknown>
  withDeleted?: boolean
}) => Promise<{ data: any[] }>

export type Resolver = (ids: string[], graph: Graph) => Promise<string[]>

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

/** Entities that point at an inventory item (deleted ones too) → the products of its variants. */
const throughInventoryItem =
  (entity: string): Resolver =>
  async (ids, graph) => {
    const { data } = await graph({ entity, fields: ["inventory_item_id"], filters: { id: ids }, withDeleted: true })
    return fromInventoryItems(
      data.map((row) => row.inventory_item_id),
      graph
    )
  }

export const fromInventoryLevels = throughInventoryItem("inventory_level")

export const fromReservations = throughInventoryItem("reservation_item")

/** The ids an event carries: `{ id }` or `{ id: [...] }`, or a list of either. */
export function eventIds(data: unknown): string[] {
  const entries = Array.isArray(data) ? data : [data]
  return entries.flatMap((entry) => {
    const id = (entry as { id?: unknown } | null)?.id
    return (Array.isArray(id) ? id : [id]).filter((value): value is string => typeof value === "string" && value !== "")
  })
}

/** The products an event touches, each once, by the resolvers of an event table. */
export async function productsOfEvent(
  event: { name: string; data: unknown },
  graph: Graph,
  resolvers: Record<string, Resolver>
): Promise<string[]> {
  const resolver = resolvers[event.name]
  const ids = eventIds(event.data)
  if (!resolver || !ids.length) {
    return []
  }
  const resolved = await resolver(ids, graph)
  return [...new Set(resolved.filter((id): id is string => typeof id === "string" && id !== ""))]
}
