import { DEFAULT_ADMISSION_LIMITS } from "../src/lib/catalog-cache/prebuild/admission"
import type { Catalog } from "./database"
import type { RebuildResult } from "./search-rebuild"
import { FIELDS } from "./scenarios"
import { treeCpuSeconds } from "./systems"

/**
 * Tienda builds its product-list read model ahead of requests (src/lib/catalog-cache/prebuild/prebuild.ts): a
 * storefront's first page in a rendering context (region, fields) starts a background render of every product
 * in that context, once real traffic has asked enough distinct pages of it (prebuild-admission.ts). The catalog
 * scenarios use two contexts, one per region. This asks the first pages of each, as a shopper paging would, then waits
 * until the server has been idle for IDLE_SAMPLES × SAMPLE_MS (the build is the only work it has) and random single
 * products all come from the read model, and reports the time until that idle spell began as the build time.
 */
const SAMPLE_MS = 2_000
const IDLE_SAMPLES = 2
/** CPU seconds per sample below which the server counts as idle (5 % of a core). */
const IDLE_CPU = 0.05 * (SAMPLE_MS / 1000)
const LIMIT_MS = 15 * 60_000
const PROBES = 20
/** Distinct pages of one context before the server builds it ahead. */
const PAGES_TO_ADMIT = DEFAULT_ADMISSION_LIMITS.threshold

export async function waitForReadModel(
  baseUrl: string,
  headers: Record<string, string>,
  catalog: Catalog,
  pid: number
): Promise<RebuildResult> {
  const started = Date.now()
  const contexts = catalog.regions.map((region) => `region_id=${region.id}&${FIELDS}`)
  for (const context of contexts) {
    for (let page = 0; page < PAGES_TO_ADMIT; page++) {
      await get(baseUrl, `/store/products?limit=20&offset=${page * 20}&${context}`, headers)
    }
  }
  // The server builds a context QUIET_MS (5 s) after admitting it, so an idle spell can come before the build as well
  // as after it: the wait ends only when an idle spell is followed by probes that all come from the read model.
  for (;;) {
    const idleSince = await waitUntilIdle(pid, started)
    let hits = 0
    for (let probe = 0; probe < PROBES; probe++) {
      const offset = Math.floor(Math.random() * catalog.products)
      const via = await get(
        baseUrl,
        `/store/products?limit=1&offset=${offset}&order=title&${contexts[probe % contexts.length]}`,
        headers
      )
      // "fast": answered before Medusa's middlewares; "hit": after them; both from the stored documents.
      hits += via === "fast" || via === "hit" ? 1 : 0
    }
    if (hits === PROBES) {
      const seconds = (idleSince - started) / 1000
      const documents = catalog.products * contexts.length
      return { documents, seconds, productsPerSecond: Math.round(documents / seconds) }
    }
    console.warn(`  read model: ${hits} of ${PROBES} random products came from it; waiting for the build`)
  }
}

/** Waits for IDLE_SAMPLES quiet samples in a row; when the quiet began. */
async function waitUntilIdle(pid: number, started: number): Promise<number> {
  let idle = 0
  let cpu = treeCpuSeconds(pid)
  let quietSince = Date.now()
  while (idle < IDLE_SAMPLES) {
    if (Date.now() - started > LIMIT_MS) {
      throw new Error(`the read model was not built ${LIMIT_MS / 60_000} min after the first pages`)
    }
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS))
    const now = treeCpuSeconds(pid)
    if (now - cpu < IDLE_CPU) {
      idle += 1
    } else {
      idle = 0
      quietSince = Date.now()
    }
    cpu = now
  }
  return quietSince
}

async function get(baseUrl: string, path: string, headers: Record<string, string>): Promise<string | null> {
  const response = await fetch(`${baseUrl}${path}`, { headers })
  await response.arrayBuffer()
  if (!response.ok) {
    throw new Error(`${path} answered ${response.status}`)
  }
  return response.headers.get("x-tienda-read-model")
}
