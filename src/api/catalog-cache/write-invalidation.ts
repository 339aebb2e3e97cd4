import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { invalidateGenerations, invalidateStockOfCart } from "../../lib/catalog-cache/invalidation/invalidate"
import { logCatalogCache } from "../../lib/catalog-cache/log"
import type { Generation } from "../../lib/catalog-cache/stores/store-types"

/**
 * Runs `bump` when a write request ends, *before* its answer leaves (the end of the response waits for it):
 * whoever made the change sees it on their very next request. Failed writes bump too (a partial change is
 * possible; an extra miss is harmless). With `authenticatedOnly` (the admin), a request Medusa did not
 * authenticate bumps nothing: it changed nothing, and anyone could otherwise empty the cache at will.
 */
function bumpBeforeAnswer(bump: (req: MedusaRequest) => Promise<void>, { authenticatedOnly = false } = {}) {
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") {
      return next()
    }
    const end = res.end.bind(res) as (...args: unknown[]) => MedusaResponse
    let bumped = false
    res.end = ((...args: unknown[]) => {
      const actor = (req as { auth_context?: { actor_id?: string } }).auth_context?.actor_id
      if (bumped || (authenticatedOnly && !actor)) {
        return end(...args)
      }
      bumped = true
      bump(req)
        .catch((error) => logCatalogCache("warn", "invalidation failed", error))
        .finally(() => end(...args))
      return res
    }) as MedusaResponse["end"]
    next()
  }
}

/** Bumps the given generations when a write request ends (see bumpBeforeAnswer). */
export function invalidateCatalogAfterWrite(generations: Generation[], options: { authenticatedOnly?: boolean } = {}) {
  return bumpBeforeAnswer(() => invalidateGenerations(generations), options)
}

/**
 * A completed checkout changed the stock of the cart's products: their stock versions are bumped before the answer
 * leaves, so the read model re-renders those products only.
 */
export const invalidateStockAfterCheckout = bumpBeforeAnswer((req) =>
  invalidateStockOfCart(req.params.id, () => {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    return query.graph.bind(query) as never
  })
)
