import type { MedusaRequest } from "@medusajs/framework/http"
import { documentGeneration } from "./cache-key"
import { catalogCacheStore } from "./store"

/**
 * Builds the product-list read model ahead of requests. For every rendering context an anonymous storefront has
 * used (fields, region, tax country, locale, publishable key), this server asks itself for the whole catalog, one
 * page of PAGE products at a time, so each product's document exists before a storefront asks for a page with it.
 *
 * A context is built QUIET_MS after it is first seen, and again after a change of the data its documents are keyed
 * by (the catalog; for a context that shows stock, also stock changes not traced to products), once no new change
 * arrived meanwhile. A change during a build abandons it; the next request of the context schedules it again.
 * Orders do not start a build: they make only their own products' documents stale, which are rendered again on
 * demand (see store.ts).
 * Off with TIENDA_READ_MODEL_PREBUILD=off; off under jest unless a test turns it on.
 */
const CONTEXT_PARAMS = ["fields", "region_id", "country_code", "province", "locale", "sales_channel_id"]
const PAGE = 50
const MAX_CONTEXTS = 20
const PAGE_TIMEOUT_MS = 120_000
export const PREBUILD_HEADER = "x-tienda-prebuild"

interface RenderingContext {
  port: number
  publishableKey: string
  /** The context's own parameters, as the storefront sent them. */
  query: string
  /** The generation the context was last fully built at. */
  built?: string
}

const contexts = new Map<string, RenderingContext>()
/** What the last finished build did (for the log line). */
let lastBuild: { query: string; products: number; seconds: number } | undefined
let timer: NodeJS.Timeout | undefined
/**
 * Extra wait after a build that was abandoned (the data changed: e.g. orders keep coming, with stock shown) or
 * failed: doubles from 30 s up to 10 min, so such a context costs a bounded share of the CPU; a finished build
 * resets it.
 */
let backoffMs = 0
let running: Promise<void> | undefined

function quietMs(): number {
  const value = Number(process.env.TIENDA_READ_MODEL_QUIET_MS)
  return Number.isFinite(value) && value >= 0 ? value : 5_000
}

export function prebuildEnabled(): boolean {
  const setting = process.env.TIENDA_READ_MODEL_PREBUILD
  return setting === "on" || (setting !== "off" && process.env.NODE_ENV !== "test")
}

/** The parameters of a product-list URL that decide how its products are rendered (not which ones). */
export function renderingQuery(originalUrl: string): string {
  const at = originalUrl.indexOf("?")
  const kept: string[] = []
  for (const [name, value] of new URLSearchParams(at < 0 ? "" : originalUrl.slice(at + 1))) {
    const bracket = name.indexOf("[")
    if (CONTEXT_PARAMS.includes(bracket < 0 ? name : name.slice(0, bracket))) {
      kept.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    }
  }
  return kept.sort().join("&")
}

async function generationOf(query: string): Promise<string> {
  const generations = await catalogCacheStore().generations()
  return documentGeneration(`?${query}`, generations)
}

/** Called by the read model for each anonymous request it answered at `generation`. */
export function noteRenderingContext(req: MedusaRequest, generation: string): void {
  const publishableKey = req.get("x-publishable-api-key")
  const port = req.socket?.localPort
  if (!prebuildEnabled() || !publishableKey || !port || req.headers.authorization || req.get(PREBUILD_HEADER)) {
    return
  }
  const query = renderingQuery(req.originalUrl)
  const key = `${publishableKey}?${query}`
  let context = contexts.get(key)
  if (!context) {
    context = { port, publishableKey, query }
    contexts.set(key, context)
    if (contexts.size > MAX_CONTEXTS) {
      contexts.delete(contexts.keys().next().value as string)
    }
  }
  if (context.built !== generation && !timer && !running) {
    timer = setTimeout(() => {
      timer = undefined
      running = buildAll(req).finally(() => (running = undefined))
    }, quietMs() + backoffMs)
    timer.unref()
  }
}

function log(req: MedusaRequest, level: "info" | "warn", message: string): void {
  try {
    req.scope.resolve("logger")[level](`product read model: ${message}`)
  } catch {
    // No logger in the scope.
  }
}

/** The next context this pass has not tried yet, in the order they were first seen; none after MAX_CONTEXTS tries. */
function nextContext(tried: Set<string>): RenderingContext | undefined {
  if (tried.size >= MAX_CONTEXTS) {
    return undefined
  }
  for (const [key, context] of contexts) {
    if (!tried.has(key)) {
      tried.add(key)
      return context
    }
  }
  return undefined
}

async function buildAll(req: MedusaRequest): Promise<void> {
  let complete = true
  const tried = new Set<string>()
  // A context first seen while this pass runs is built in it too (its requests schedule nothing while a pass runs);
  // at most MAX_CONTEXTS per pass, so new contexts streaming in cannot keep one pass going without a pause.
  for (let context = nextContext(tried); context; context = nextContext(tried)) {
    try {
      const generation = await generationOf(context.query)
      if (context.built === generation) {
        continue
      }
      if (await buildContext(context, generation)) {
        context.built = generation
        log(req, "info", `rendered ${lastBuild?.products} products for "${context.query}" in ${lastBuild?.seconds.toFixed(1)} s`)
      } else {
        complete = false
      }
    } catch (error) {
      complete = false
      log(req, "warn", `prebuild failed: ${(error as Error)?.message ?? error}`)
    }
  }
  backoffMs = complete ? 0 : Math.min(Math.max(backoffMs * 2, 30_000), 600_000)
}

/** Asks for every page of the catalog in this context; false when the data changed meanwhile (abandoned). */
async function buildContext(context: RenderingContext, generation: string): Promise<boolean> {
  const started = Date.now()
  let count = 0
  for (let offset = 0; offset === 0 || offset < count; offset += PAGE) {
    if ((await generationOf(context.query)) !== generation) {
      return false
    }
    const url = `http://127.0.0.1:${context.port}/store/products?limit=${PAGE}&offset=${offset}${context.query ? `&${context.query}` : ""}`
    // A page that does not come back in time fails the build (and backs it off) instead of holding it forever.
    const response = await fetch(url, {
      headers: { "x-publishable-api-key": context.publishableKey, [PREBUILD_HEADER]: "1" },
      signal: AbortSignal.timeout(PAGE_TIMEOUT_MS),
    })
    const text = await response.text()
    if (!response.ok) {
      throw new Error(`${response.status} for ${url}: ${text.slice(0, 200)}`)
    }
    // The answer ends with `"count":N,"offset":…,"limit":…}`: no need to parse a page of products for it.
    count = Number(/"count":(\d+),"offset":\d+,"limit":\d+}$/.exec(text)?.[1] ?? 0)
  }
  lastBuild = { query: context.query, products: count, seconds: (Date.now() - started) / 1000 }
  return true
}
