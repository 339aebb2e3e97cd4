import { readModelLastBuild } from "../../metrics"
import { createHash } from "node:crypto"
import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { documentGeneration, normalizedQuery } from "../cache-key"
import { logCatalogCache } from "../log"
import { catalogCacheSettings } from "../settings"
import { catalogCacheStore } from "../stores/process-stores"
import { contextName, PrebuildAdmission, type AdmittedContext } from "./admission"
import { CONTEXT_PARAMS, contextFacts, prebuildRefusal } from "./allow-list"
import { isInternalPrebuild, PREBUILD_HEADER, prebuildHeaderValue } from "./secret"

/**
 * Builds the product-list read model ahead of requests. For rendering contexts (fields, region, tax country,
 * locale, publishable key) that anonymous storefront traffic uses, this server asks itself for the whole catalog,
 * one page of PAGE products at a time, so each product's document exists before a storefront asks for a page with
 * it. Since a build renders the whole catalog, one request never starts one:
 * - a context is admitted only after several distinct requests within minutes, into a few places per publishable
 *   key, never displacing a context traffic still uses (admission.ts);
 * - it may vary only in what names something the store has: its regions, their countries, tax provinces,
 *   supported locales (allow-list.ts);
 * - the prebuild's own requests carry a per-process secret (secret.ts); a client's copy of the header is
 *   ignored, so no client can skip the URL cache or pass for the prebuild.
 *
 * An admitted context is built QUIET_MS after it is admitted, and again after a change of the data its documents
 * are keyed by (the catalog; for a context that shows stock, also stock changes not traced to products), once no
 * new change arrived meanwhile. A change during a build abandons it; the next request of the context schedules it
 * again. Orders do not start a build: they make only their own products' documents stale, which are rendered again
 * on demand (see stores/store-types.ts). Off with TIENDA_READ_MODEL_PREBUILD=off; off under jest unless a test
 * turns it on.
 */
const PAGE = 50
const PAGE_TIMEOUT_MS = 120_000

interface BuildState {
  port: number
  /** The generation the context was last fully built at. */
  built?: string
}

type Context = AdmittedContext<BuildState>

const admission = new PrebuildAdmission<BuildState>()
/** Contexts being checked against the allow-list right now (one check each at a time). */
const checking = new Set<string>()
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

/** A storefront request that may count for the prebuild: anonymous, by URL only, not the prebuild's own. */
function storefrontRequest(req: MedusaRequest): string | undefined {
  const publishableKey = req.get("x-publishable-api-key")
  const anonymous = !req.headers.authorization && !req.headers["x-medusa-locale"]
  if (!catalogCacheSettings().readModel.prebuild || !publishableKey || !anonymous) {
    return undefined
  }
  return isInternalPrebuild(req) ? undefined : publishableKey
}

/**
 * A product list answered without the read model (URL cache hit, fast path) in a context built ahead: keeps the
 * context's place (an idle context may be replaced). Cheap: nothing happens for a key with no admitted context.
 */
export function noteProductListUse(req: MedusaRequest): void {
  const publishableKey = storefrontRequest(req)
  if (publishableKey) {
    admission.use(publishableKey, renderingQuery(req.originalUrl), Date.now())
  }
}

/** Called by the read model for each anonymous request it answered at `generation` (Medusa validated it first). */
export function noteRenderingContext(req: MedusaRequest, generation: string): void {
  const publishableKey = storefrontRequest(req)
  const port = req.socket?.localPort
  if (!publishableKey || !port) {
    return
  }
  const query = renderingQuery(req.originalUrl)
  const now = Date.now()
  const context = admission.use(publishableKey, query, now)
  if (context) {
    if (context.data.built !== generation) {
      schedule()
    }
    return
  }
  // Distinct requests, by their normalised URL (hashed: a URL can be long).
  const url = createHash("sha256").update(normalizedQuery(req.originalUrl)).digest("base64url")
  if (admission.sighting(publishableKey, query, url, now)) {
    void admitChecked(req, publishableKey, query, port)
  }
}

/** Admits a context that gathered its requests, if its parameters pass the allow-list, and schedules its build. */
async function admitChecked(req: MedusaRequest, publishableKey: string, query: string, port: number): Promise<void> {
  const name = contextName(publishableKey, query)
  if (checking.has(name)) {
    return
  }
  checking.add(name)
  try {
    const regionId = (req as { pricingContext?: { region_id?: string } }).pricingContext?.region_id
    const graph = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const refusal = prebuildRefusal(query, await contextFacts(query, regionId, graph.graph.bind(graph) as never))
    if (refusal) {
      admission.reject(publishableKey, query)
      logCatalogCache("debug", `read model: not building "${query}" ahead: ${refusal}`)
      return
    }
    if (admission.admit(publishableKey, query, { port }, Date.now())) {
      schedule()
    }
  } catch (error) {
    admission.reject(publishableKey, query)
    logCatalogCache("warn", `read model: checking "${query}" failed`, error)
  } finally {
    checking.delete(name)
  }
}

function schedule(): void {
  if (timer || running) {
    return
  }
  timer = setTimeout(() => {
    timer = undefined
    running = buildAll().finally(() => (running = undefined))
  }, catalogCacheSettings().readModel.quietMs + backoffMs)
  timer.unref()
}

/** The next admitted context this pass has not tried yet, in the order they were admitted. */
function nextContext(tried: Set<Context>): Context | undefined {
  const context = admission.contexts().find((candidate) => !tried.has(candidate))
  if (context) {
    tried.add(context)
  }
  return context
}

async function buildAll(): Promise<void> {
  let complete = true
  const tried = new Set<Context>()
  // A context admitted while this pass runs is built in it too (its requests schedule nothing while a pass runs);
  // the admitted contexts are bounded, so no pass goes on without end.
  for (let context = nextContext(tried); context; context = nextContext(tried)) {
    try {
      const generation = await generationOf(context.query)
      if (context.data.built === generation) {
        continue
      }
      if (await buildContext(context, generation)) {
        context.data.built = generation
        const seconds = lastBuild?.seconds.toFixed(1)
        logCatalogCache(
          "info",
          `read model: rendered ${lastBuild?.products} products for "${context.query}" in ${seconds} s`
        )
      } else {
        complete = false
      }
    } catch (error) {
      complete = false
      logCatalogCache("warn", "read model: prebuild failed", error)
    }
  }
  backoffMs = complete ? 0 : Math.min(Math.max(backoffMs * 2, 30_000), 600_000)
}

/** Asks for every page of the catalog in this context; false when the data changed meanwhile (abandoned). */
async function buildContext(context: Context, generation: string): Promise<boolean> {
  const started = Date.now()
  let count = 0
  for (let offset = 0; offset === 0 || offset < count; offset += PAGE) {
    if ((await generationOf(context.query)) !== generation) {
      return false
    }
    const query = context.query ? `&${context.query}` : ""
    const url = `http://127.0.0.1:${context.data.port}/store/products?limit=${PAGE}&offset=${offset}${query}`
    // A page that does not come back in time fails the build (and backs it off) instead of holding it forever.
    const response = await fetch(url, {
      headers: { "x-publishable-api-key": context.publishableKey, [PREBUILD_HEADER]: prebuildHeaderValue() },
      signal: AbortSignal.timeout(PAGE_TIMEOUT_MS),
    })
    const text = await response.text()
    if (!response.ok) {
      throw new Error(`${response.status} for ${url.replace(/\?.*/, "")}: ${text.slice(0, 200)}`)
    }
    // The answer ends with `"count":N,"offset":…,"limit":…}`: no need to parse a page of products for it.
    count = Number(/"count":(\d+),"offset":\d+,"limit":\d+}$/.exec(text)?.[1] ?? 0)
  }
  lastBuild = { query: context.query, products: count, seconds: (Date.now() - started) / 1000 }
  readModelLastBuild.set({ measure: "products" }, count)
  readModelLastBuild.set({ measure: "seconds" }, lastBuild.seconds)
  readModelLastBuild.set({ measure: "finished_at" }, Date.now() / 1000)
  return true
}
