import {
  fromInventoryItems,
  fromInventoryLevels,
  fromReservations,
  productsOfEvent,
  type Graph,
  type Resolver,
} from "../../products-of-event"
import { INVENTORY_EVENTS } from "./catalog-events"

/**
 * Which products a stock change touched, so that only their documents in the read model go stale (see
 * stores/store-types.ts).
 * An empty answer means "could not tell": the caller then treats the change as one of unknown products.
 */

const fromOrders: Resolver = async (ids, graph) => {
  const { data } = await graph({ entity: "order", fields: ["items.product_id"], filters: { id: ids } })
  return data.flatMap((order) => (order.items ?? []).map((item: { product_id?: string | null }) => item.product_id))
}

/**
 * By the entity in the event's name: the inventory module's (`inventory.reservation-item.created`) and the
 * workflows' (`reservation-item.created`).
 */
function resolverOf(eventName: string): Resolver | undefined {
  if (/(^|\.)inventory-item\.[a-z]+$/.test(eventName)) {
    return fromInventoryItems
  }
  if (/(^|\.)inventory-level\.[a-z]+$/.test(eventName)) {
    return fromInventoryLevels
  }
  if (/(^|\.)reservation-item\.[a-z]+$/.test(eventName)) {
    return fromReservations
  }
  if (eventName === "order.placed" || eventName === "order.canceled") {
    return fromOrders
  }
  return undefined
}

/** The stock events the subscriber hears, each with its way back to products (events without one are left out). */
const STOCK_EVENT_RESOLVERS: Record<string, Resolver> = Object.fromEntries(
  INVENTORY_EVENTS.flatMap((name) => {
    const resolver = resolverOf(name)
    return resolver ? [[name, resolver]] : []
  })
)

export function productsOfStockEvent(event: { name: string; data: unknown }, graph: Graph): Promise<string[]> {
  return productsOfEvent(event, graph, STOCK_EVENT_RESOLVERS)
}

function unique(ids: unknown[]): string[] {
  return [...new Set(ids.filter((id): id is string => typeof id === "string" && id !== ""))]
}

/**
 * The products whose stock a cart's checkout changed: its own, and every product with a variant that shares an
 * inventory item with one of its variants (kits, bundles).
 */
export async function productsOfCart(cartId: string, graph: Graph): Promise<string[]> {
  const { data } = await graph({
    entity: "cart",
    fields: ["items.product_id", "items.variant_id"],
    filters: { id: cartId },
  })
  const items: Array<{ product_id?: string | null; variant_id?: string | null }> = data.flatMap(
    (cart) => cart.items ?? []
  )
  const variantIds = unique(items.map((item) => item.variant_id))
  if (!variantIds.length) {
    return unique(items.map((item) => item.product_id))
  }
  const { data: links } = await graph({
    entity: "product_variant_inventory_items",
    fields: ["inventory_item_id"],
    filters: { variant_id: variantIds },
  })
  const sharing = await fromInventoryItems(unique(links.map((link) => link.inventory_item_id)), graph)
  return unique([...items.map((item) => item.product_id), ...sharing])
}
