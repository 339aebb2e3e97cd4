import cluster from "node:cluster"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { cacheKey, isCacheable, pathOf, readGeneration } from "./cache-key"
import { customerGroupKey } from "./customer-groups"
import { catalogCacheStore, type Generation } from "./store"
import { noteProductListUse } from "./read-model-prebuild"
import { isInternalPrebuild } from "./prebuild-secret"
import { fastProductList } from "./product-list-fast-path"
import { fastProductDetail } from "./product-detail-fast-path"
import { productsOfCart } from "./stock-products"

/**
 * The catalog response cache (see cache-key.ts for what is cached and store.ts for where). On by default; off with
 * TIENDA_CATALOG_CACHE=off, and off under jest unless a test file turns it on (TIENDA_CATALOG_CACHE=on), because
 * the test runner resets the database between tests without any event. Without Redis it is also off in a process
 * that is one of several (`--cluster`, or MEDUSA_WORKER_MODE other than `shared`): another process's changes would
 * not reach this process's memory. A cache failure never fails a request: it
 * is answered by Medusa as if there were no cache. Answers carry `X-Tienda-Cache: hit|miss`.
 */
export function catalogCacheEnabled(): boolean {
  const setting = process.env.TIENDA_CATALOG_CACHE
  if (setting === "on" || setting === "off") {
    return setting === "on"
  }
  const alone = !cluster.isWorker && (process.env.MEDUSA_WORKER_MODE || "shared") === "shared"
  return process.env.NODE_ENV !== "test" && (Boolean(process.env.REDIS_URL) || alone)
}

function log(req: MedusaRequest, message: string, error: unknown): void {
  try {
    req.scope.resolve("logger").warn(`catalog cache: ${message}: ${(error as Error)?.message ?? error}`)
  } catch {
    // No logger in the scope: nothing to report to.
  }
}

/** Misses being read from Medusa right now, by key: identical requests wait for the first one (no stampede). */
const inFlight = new Map<string, Promise<Buffer | undefined>>()

/**
 * Answers the fast path assembles cheaply are cached only when their URL comes a second time (a doorkeeper, as in
 * TinyLFU): a crawl over random pages would otherwise push the hot pages out. Keys seen once are forgotten in bulk.
 */
const seenOnce = new Set<string>()
function secondSighting(key: string): boolean {
  if (seenOnce.delete(key)) {
    return true
  }
  if (seenOnce.size >= 50_000) {
    seenOnce.clear()
  }
  seenOnce.add(key)
  return false
}

/** A product list answered here keeps its rendering context's place in the prebuild (read-model-prebuild.ts). */
function noteListUse(req: MedusaRequest): void {
  if (pathOf(req.originalUrl) === "/store/products") {
    noteProductListUse(req)
  }
}

function sendJson(res: MedusaResponse, body: Buffer, cache: "hit" | "miss"): void {
  res.setHeader("X-Tienda-Cache", cache)
  res.status(200).type("application/json; charset=utf-8").send(body)
}

export async function catalogCache(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): Promise<void> {
  // The read model's own prebuild pages (see read-model-prebuild.ts) would only push real answers out. Only the
  // prebuild's secret makes a request one of them: a client's copy of the header is ignored here.
  if (!catalogCacheEnabled() || !isCacheable(req) || isInternalPrebuild(req)) {
    return next()
  }
  const store = catalogCacheStore()
  let key: string
  let generations: Awaited<ReturnType<typeof store.generations>>
  try {
    const groups = await customerGroupKey(req)
    if (groups === null) {
      return next()
    }
    generations = await store.generations()
    // Read before Medusa's middlewares, so whatever the request reads after is at least this fresh (the read model
    // keys its documents and rendering contexts with it).
    res.locals.catalogGenerations = generations
    const read = readGeneration(req.originalUrl, generations)
    key = cacheKey(req, read, groups)
    const cached = (await store.get(key)) ?? (await inFlight.get(key))
    if (cached !== undefined) {
      noteListUse(req)
      return sendJson(res, cached, "hit")
    }
  } catch (error) {
    log(req, "read failed, answering without it", error)
    return next()
  }
  try {
    const fast = (await fastProductList(req, generations)) ?? (await fastProductDetail(req, generations))
    if (fast !== undefined) {
      if (secondSighting(key)) {
        store.set(key, fast).catch((error) => log(req, "write failed", error))
      }
      noteListUse(req)
      res.setHeader("X-Tienda-Read-Model", "fast")
      return sendJson(res, fast, "miss")
    }
  } catch (error) {
    log(req, "product fast path failed, answering through Medusa", error)
  }
  let settle: (body: Buffer | undefined) => void = () => {}
  const reading = new Promise<Buffer | undefined>((resolve) => (settle = resolve))
  inFlight.set(key, reading)
  const done = (body: Buffer | undefined) => {
    if (inFlight.get(key) === reading) {
      inFlight.delete(key)
    }
    settle(body)
  }
  res.once("close", () => done(undefined))
  res.setHeader("X-Tienda-Cache", "miss")
  // Whoever answers with 200 (Medusa through res.json, or the read model through sendCatalogAnswer) fills the cache.
  res.locals.rememberCatalogAnswer = (answer: Buffer) => {
    store.set(key, answer).catch((error) => log(req, "write failed", error))
    done(answer)
  }
  const json = res.json.bind(res)
  res.json = (body: unknown) => {
    if (res.statusCode === 200) {
      res.locals.rememberCatalogAnswer(Buffer.from(JSON.stringify(body)))
    } else {
      done(undefined)
    }
    return json(body)
  }
  next()
}

/** Sends a catalog answer that is already JSON, storing it in the response cache when the request misses it. */
export function sendCatalogAnswer(res: MedusaResponse, json: string): void {
  const answer = Buffer.from(json)
  res.locals.rememberCatalogAnswer?.(answer)
  res.status(200).type("application/json; charset=utf-8").send(answer)
}

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
      if (bumped || (authenticatedOnly && !(req as { auth_context?: { actor_id?: string } }).auth_context?.actor_id)) {
        return end(...args)
      }
      bumped = true
      bump(req)
        .catch((error) => log(req, "invalidation failed", error))
        .finally(() => end(...args))
      return res
    }) as MedusaResponse["end"]
    next()
  }
}

/** Bumps the given generations when a write request ends (see bumpBeforeAnswer). */
export function invalidateCatalogAfterWrite(generations: Generation[], options: { authenticatedOnly?: boolean } = {}) {
  return bumpBeforeAnswer(() => catalogCacheStore().bump(generations), options)
}

/**
 * A completed checkout changed the stock of the cart's products: their stock versions are bumped before the answer
 * leaves, so the read model re-renders those products only. A cart without products (unknown, or custom items
 * only) changed no stock; when the lookup fails, all stock counts as changed.
 */
export const invalidateStockAfterCheckout = bumpBeforeAnswer(async (req) => {
  const store = catalogCacheStore()
  let products: string[]
  try {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    products = await productsOfCart(req.params.id, query.graph.bind(query) as never)
  } catch (error) {
    log(req, "products of the checkout not found, all stock marked stale", error)
    return store.bump(["inventory"])
  }
  if (products.length) {
    await store.bumpProductStock(products)
  }
})
