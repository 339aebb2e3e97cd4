import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CATALOG_EVENTS, generationsFor, INVENTORY_EVENTS } from "../api/catalog-cache/events"
import { catalogCacheStore } from "../api/catalog-cache/store"
import { productsOfStockEvent } from "../api/catalog-cache/stock-products"

/**
 * Event-driven invalidation of the catalog response cache: any change to products, variants, prices, stock,
 * categories, collections, regions or sales channels — from the admin, a workflow, a job or
 * another process — bumps the generation the cached answers were read at (see src/api/catalog-cache/).
 * A stock change is traced to its products when it can be (reservations, inventory levels and items, orders), so
 * the read model re-renders those products only; otherwise it counts as a change of unknown products.
 */
export default async function invalidateCatalogCache({ event, container }: SubscriberArgs<unknown>): Promise<void> {
  const store = catalogCacheStore()
  const generations = generationsFor(event.name)
  if (generations.includes("catalog")) {
    return store.bump(generations)
  }
  let products: string[] = []
  try {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    products = await productsOfStockEvent(event, query.graph.bind(query) as never)
  } catch (error) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`catalog cache: products of ${event.name} not found, all stock marked stale: ${(error as Error)?.message ?? error}`)
  }
  return products.length ? store.bumpProductStock(products) : store.bump(["inventory"])
}

export const config: SubscriberConfig = {
  event: [...new Set([...CATALOG_EVENTS, ...INVENTORY_EVENTS])],
  context: { subscriberId: "tienda-catalog-cache-invalidation" },
}
