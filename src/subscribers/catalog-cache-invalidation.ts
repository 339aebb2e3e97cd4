import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CATALOG_EVENTS, generationsFor, INVENTORY_EVENTS } from "../api/catalog-cache/events"
import { catalogCacheStore } from "../api/catalog-cache/store"

/**
 * Event-driven invalidation of the catalog response cache: any change to products, variants, prices, stock,
 * categories, collections, regions or sales channels — from the admin, a workflow, a job or
 * another process — bumps the generation the cached answers were read at (see src/api/catalog-cache/).
 */
export default async function invalidateCatalogCache({ event }: SubscriberArgs<unknown>): Promise<void> {
  await catalogCacheStore().bump(generationsFor(event.name))
}

export const config: SubscriberConfig = {
  event: [...new Set([...CATALOG_EVENTS, ...INVENTORY_EVENTS])],
  context: { subscriberId: "tienda-catalog-cache-invalidation" },
}
