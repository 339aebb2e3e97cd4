import { purgeGenerations, purgeProductStock } from "../../http-caching/cdn-purge"
import { logCatalogCache } from "../log"
import { catalogCacheStore } from "../stores/process-stores"
import type { Generation } from "../stores/store-types"
import type { Graph } from "../../products-of-event"
import { generationsFor } from "./catalog-events"
import { productsOfCart, productsOfStockEvent } from "./stock-products"

/**
 * What each kind of change makes stale (see README.md, "Invalidation"). Every function bumps generations in the
 * process's store (in memory for this process, in Redis for every process), then tells the CDN, when there is one,
 * which answers to drop (src/lib/http-caching/cdn-purge.ts; in the background).
 */

async function bump(generations: Generation[]): Promise<void> {
  try {
    await catalogCacheStore().bump(generations)
  } finally {
    purgeGenerations(generations)
  }
}

async function bumpProductStock(products: string[]): Promise<void> {
  try {
    await catalogCacheStore().bumpProductStock(products)
  } finally {
    purgeProductStock(products)
  }
}

/** An admin write (or any write whose products are unknown): the given generations. */
export function invalidateGenerations(generations: Generation[]): Promise<void> {
  return bump(generations)
}

/**
 * A completed checkout changed the stock of the cart's products: their stock versions. A cart without products
 * (unknown, or custom items only) changed no stock; when the lookup fails, all stock counts as changed.
 */
export async function invalidateStockOfCart(cartId: string, graph: () => Graph): Promise<void> {
  let products: string[]
  try {
    products = await productsOfCart(cartId, graph())
  } catch (error) {
    logCatalogCache("warn", "products of the checkout not found, all stock marked stale", error)
    return bump(["inventory"])
  }
  if (products.length) {
    await bumpProductStock(products)
  }
}

/**
 * A catalog or stock event: a catalog event bumps the catalog and the stock; a stock event is traced to its
 * products when it can be (reservations, inventory levels and items, orders), so the read model re-renders those
 * products only; otherwise it counts as a change of unknown products.
 */
export async function invalidateForEvent(event: { name: string; data: unknown }, graph: () => Graph): Promise<void> {
  const generations = generationsFor(event.name)
  if (generations.includes("catalog")) {
    return bump(generations)
  }
  let products: string[] = []
  try {
    products = await productsOfStockEvent(event, graph())
  } catch (error) {
    logCatalogCache("warn", `products of ${event.name} not found, all stock marked stale`, error)
  }
  return products.length ? bumpProductStock(products) : bump(["inventory"])
}
