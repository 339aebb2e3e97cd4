import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CATALOG_EVENTS, INVENTORY_EVENTS } from "../lib/catalog-cache/invalidation/catalog-events"
import { invalidateForEvent } from "../lib/catalog-cache/invalidation/invalidate"

/**
 * Event-driven invalidation of the catalog cache: any change to products, variants, prices, stock, categories,
 * collections, regions or sales channels — from the admin, a workflow, a job or another process — bumps the
 * generation the cached answers were read at; a stock change traced to its products bumps only theirs (see
 * src/lib/catalog-cache/README.md, "Invalidation").
 */
export default async function invalidateCatalogCache({ event, container }: SubscriberArgs<unknown>): Promise<void> {
  return invalidateForEvent(event, () => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    return query.graph.bind(query) as never
  })
}

export const config: SubscriberConfig = {
  event: [...new Set([...CATALOG_EVENTS, ...INVENTORY_EVENTS])],
  context: { subscriberId: "tienda-catalog-cache-invalidation" },
}
