import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cacheKey, isCacheable, pathOf, readGeneration } from "../../lib/catalog-cache/cache-key"
import { fastProductDetail } from "../../lib/catalog-cache/fast-path/product-detail-answer"
import { fastProductList } from "../../lib/catalog-cache/fast-path/product-list-answer"
import { logCatalogCache } from "../../lib/catalog-cache/log"
import { databaseUnreachableSince } from "../../lib/lifecycle/database-reachability"
import { noteProductListUse } from "../../lib/catalog-cache/prebuild/prebuild"
import { isInternalPrebuild } from "../../lib/catalog-cache/prebuild/secret"
import { catalogCacheSettings } from "../../lib/catalog-cache/settings"
import { catalogCacheStore } from "../../lib/catalog-cache/stores/process-stores"
import type { Generations } from "../../lib/catalog-cache/stores/store-types"
import { customerGroupKey } from "../../lib/catalog-cache/url-cache/customer-groups"
import { secondSighting } from "../../lib/catalog-cache/url-cache/doorkeeper"
import { answerInFlight, startMiss } from "../../lib/catalog-cache/url-cache/miss-coalescing"
import { exchangeOf, sendJsonBytes } from "./exchange-of"
import { catalogCacheRequests, metricsEnabled, type CatalogCacheResult } from "../../lib/metrics"

/** A product list answered here keeps its rendering context's place in the prebuild. */
function noteListUse(req: MedusaRequest): void {
  if (pathOf(req.originalUrl) === "/store/products") {
    noteProductListUse(req)
  }
}

function sendCached(res: MedusaResponse, body: Buffer, cache: "hit" | "miss"): void {
  res.setHeader("X-Tienda-Cache", cache)
  sendJsonBytes(res, body)
}

/**
 * The catalog's URL cache, before Medusa's middlewares (see src/lib/catalog-cache/README.md): a hit, or an answer
 * being read for the same key, is sent at once; then the fast paths; a miss goes on to Medusa, and its 200 answer
 * is kept. A cache failure never fails a request: it is answered by Medusa as if there were no cache. Answers
 * carry `X-Tienda-Cache: hit|miss`.
 */
export async function catalogCache(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): Promise<void> {
  // The read model's own prebuild pages would only push real answers out. Only the prebuild's secret makes a
  // request one of them: a client's copy of the header is ignored here.
  if (!catalogCacheSettings().enabled || !isCacheable(req) || isInternalPrebuild(req)) {
    return next()
  }
  const count = (result: CatalogCacheResult) => metricsEnabled() && catalogCacheRequests.inc({ result })
  const store = catalogCacheStore()
  const exchange = exchangeOf(res)
  let key: string
  let generations: Generations
  try {
    const groups = await customerGroupKey(req)
    if (groups === null) {
      count("bypass")
      return next()
    }
    generations = await store.generations()
    exchange.generations = generations
    key = cacheKey(req, readGeneration(req.originalUrl, generations), groups)
    const cached = (await store.get(key)) ?? (await answerInFlight(key))
    if (cached !== undefined) {
      noteListUse(req)
      count("hit")
      return sendCached(res, cached, "hit")
    }
  } catch (error) {
    logCatalogCache("warn", "read failed, answering without it", error)
    count("bypass")
    return next()
  }
  // Without PostgreSQL only hits are served: the fast paths and Medusa need it (the database gate answers 503).
  if (databaseUnreachableSince() !== undefined) {
    count("bypass")
    return next()
  }
  try {
    const fast = (await fastProductList(req, generations)) ?? (await fastProductDetail(req, generations))
    if (fast !== undefined) {
      if (secondSighting(key)) {
        store.set(key, fast).catch((error) => logCatalogCache("warn", "write failed", error))
      }
      noteListUse(req)
      count("fast_path")
      res.setHeader("X-Tienda-Read-Model", "fast")
      return sendCached(res, fast, "miss")
    }
  } catch (error) {
    logCatalogCache("warn", "product fast path failed, answering through Medusa", error)
  }
  exchange.awaitAnswer(startMiss(key, store))
  res.once("close", () => exchange.closed())
  res.setHeader("X-Tienda-Cache", "miss")
  count("miss")
  next()
}
