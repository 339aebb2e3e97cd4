import { BENCH_ADMIN } from "./config"
import { sql } from "./database"

/**
 * The search-rebuild measurement: logs in as the benchmark's admin and rebuilds the product index the way
 * Settings → Search does (POST /admin/search-indexes/product/reindex). The endpoint answers 202 at once and Medusa
 * builds a new version of the index in the background (the old one keeps serving), so the end is read from the
 * Search Module's own tables: the new version is `ready` and its sync is `done`. Throughput = documents / seconds.
 */
export interface RebuildResult {
  documents: number
  seconds: number
  productsPerSecond: number
}

const POLL_MS = 250
const LIMIT_MS = 10 * 60_000

export async function measureSearchRebuild(baseUrl: string, databaseUrl: string): Promise<RebuildResult> {
  const login = await fetchJson(baseUrl, "/auth/user/emailpass", { method: "POST", body: BENCH_ADMIN })
  const auth = { authorization: `Bearer ${login.token}` }
  const [{ now: requested }] = await sql(databaseUrl, "SELECT now()")
  const started = Date.now()
  await fetchJson(baseUrl, "/admin/search-indexes/product/reindex", { method: "POST", body: {}, headers: auth })
  while (Date.now() - started < LIMIT_MS) {
    const [built] = await sql(
      databaseUrl,
      `SELECT v.status, s.status AS sync, s.documents_synced, s.error
         FROM search_index_version v
         JOIN search_index i ON i.id = v.search_index_id AND i.name = 'product'
         JOIN search_index_sync s ON s.search_index_version_id = v.id
        WHERE v.created_at >= $1
        ORDER BY s.documents_synced DESC LIMIT 1`,
      [requested]
    )
    if (built?.error || built?.sync === "failed") {
      throw new Error(`the product index rebuild failed: ${built.error ?? "see the server log"}`)
    }
    if (built?.status === "ready" && built.sync === "done") {
      const seconds = (Date.now() - started) / 1000
      const documents = Number(built.documents_synced)
      return { documents, seconds, productsPerSecond: Math.round(documents / seconds) }
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
  throw new Error(`the product index was not ready ${LIMIT_MS / 60_000} min after the rebuild began`)
}

async function fetchJson(
  baseUrl: string,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}
) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: init.method ?? "GET",
    headers: { "content-type": "application/json", ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const text = await response.text()
  if (!response.ok) {
    throw new Error(`${init.method ?? "GET"} ${path}: ${response.status} ${text.slice(0, 300)}`)
  }
  return JSON.parse(text)
}
