import type { MedusaRequest } from "@medusajs/framework/http"
import { settings } from "../../lib/settings"
import { BoundedMap } from "../../lib/memo/bounded-map"
import { catalogGeneration } from "../../lib/catalog-cache/catalog-generation"
import { searchTuning } from "./search-context"

/**
 * What query tuning reads on every storefront search, kept between searches: the synonym groups, and how many
 * products an exact query finds (which decides typo tolerance, see query-tuning.ts). A search then costs Medusa's own
 * query and nothing more: the count alone was a third of a search's database time.
 *
 * Both are tied to the catalog cache's generation (src/lib/catalog-cache/): any admin write (synonym edits included)
 * and any catalog event starts afresh. The Search Module updates its index a moment after a product event, so a
 * count also expires after TIENDA_SEARCH_COUNT_TTL seconds (default 30; 0 turns the count memo off). Kept only where
 * the catalog cache is on, i.e. where the generation sees every change (one process, or Redis).
 */
const MAX_COUNTS = 5_000

function countTtlMs(): number {
  return settings().search.countTtlSeconds * 1000
}

let synonyms: { generation: number; terms: Promise<string[][]> } | undefined
const counts = new BoundedMap<string, { generation: number; expires: number; count: number }>({
  maxEntries: MAX_COUNTS,
})

async function currentGeneration(): Promise<number | undefined> {
  try {
    return await catalogGeneration()
  } catch {
    // The store is unreachable (Redis down): read through, as if there were no memo.
    return undefined
  }
}

/** Every synonym group's terms, as of the current catalog generation. */
export async function synonymTerms(req: MedusaRequest): Promise<string[][]> {
  const generation = await currentGeneration()
  if (generation === undefined) {
    return searchTuning(req).synonymTerms()
  }
  if (synonyms?.generation !== generation) {
    const terms = searchTuning(req).synonymTerms()
    synonyms = { generation, terms }
    // A failed read is not kept: the next search tries again.
    terms.catch(() => synonyms?.terms === terms && (synonyms = undefined))
  }
  return synonyms.terms
}

/**
 * The counts of `keys` (one per query text), from the memo where it still holds them; `count` reads the others in
 * one batch. A key must name everything the count depends on (text, match strategy, sales channels).
 */
export async function memoizedCounts(
  keys: string[],
  count: (missing: number[]) => Promise<number[]>
): Promise<number[]> {
  const generation = await currentGeneration()
  const ttl = countTtlMs()
  if (generation === undefined || ttl === 0) {
    return count(keys.map((_, i) => i))
  }
  const now = Date.now()
  const result: Array<number | undefined> = keys.map((key) => {
    const entry = counts.get(key)
    return entry && entry.generation === generation && entry.expires > now ? entry.count : undefined
  })
  const missing = result.flatMap((value, i) => (value === undefined ? [i] : []))
  if (missing.length) {
    const fresh = await count(missing)
    missing.forEach((index, i) => {
      result[index] = fresh[i]
      counts.set(keys[index], { generation, expires: now + ttl, count: fresh[i] })
    })
  }
  return result as number[]
}
