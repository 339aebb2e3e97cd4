import type { Catalog } from "./database"
import type { RebuildResult } from "./search-rebuild"
import { FIELDS } from "./scenarios"

/**
 * Tienda builds its product-list read model ahead of requests (src/api/catalog-cache/read-model-prebuild.ts): a
 * storefront's first page in a rendering context (region, fields) starts a background render of every product
 * in that context. The catalog scenarios use two contexts, one per region. This asks one page in each, then
 * waits until single products at random offsets are answered without rendering ("hit") — before that they are
 * rendered by the probe itself — and reports the time as the read model's build time.
 */
const POLL_MS = 1_000
const LIMIT_MS = 15 * 60_000
const HITS_NEEDED = 10

export async function waitForReadModel(baseUrl: string, headers: Record<string, string>, catalog: Catalog): Promise<RebuildResult> {
  const started = Date.now()
  const contexts = catalog.regions.map((region) => `region_id=${region.id}&${FIELDS}`)
  for (const context of contexts) {
    await get(baseUrl, `/store/products?limit=20&${context}`, headers)
  }
  let hits = 0
  while (hits < HITS_NEEDED) {
    if (Date.now() - started > LIMIT_MS) {
      throw new Error(`the read model was not built ${LIMIT_MS / 60_000} min after the first pages`)
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
    const context = contexts[hits % contexts.length]
    const offset = Math.floor(Math.random() * catalog.products)
    const via = await get(baseUrl, `/store/products?limit=1&offset=${offset}&order=title&${context}`, headers)
    hits = via === "hit" ? hits + 1 : 0
  }
  const seconds = (Date.now() - started) / 1000
  const documents = catalog.products * contexts.length
  return { documents, seconds, productsPerSecond: Math.round(documents / seconds) }
}

async function get(baseUrl: string, path: string, headers: Record<string, string>): Promise<string | null> {
  const response = await fetch(`${baseUrl}${path}`, { headers })
  await response.arrayBuffer()
  if (!response.ok) {
    throw new Error(`${path} answered ${response.status}`)
  }
  return response.headers.get("x-tienda-read-model")
}
