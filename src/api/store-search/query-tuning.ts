import type { MedusaRequest } from "@medusajs/framework/http"
import { expandSynonyms } from "../../lib/search/synonyms"
import { STORE_INDEX, type PreparedQuery } from "../../lib/search/store-query"
import { searchModule, storeScope } from "./search-context"
import { memoizedCounts, synonymTerms } from "./tuning-memo"

type SynonymTerms = Parameters<typeof expandSynonyms>[1]

/**
 * Provider-independent query tuning, done with plain `SearchQuery`s so any provider (PostgreSQL, Elasticsearch)
 * serves the result:
 * - synonyms: a query that is one synonym term searches all terms of its groups (match_strategy "any"); a query
 *   with a synonym among other words is swapped for the variant that finds the most products;
 * - typo tolerance when the client left it unset: off while the exact query finds something, on when it finds
 *   nothing ("tshrit").
 * The counts are `take: 0` queries narrowed like the store route narrows the real one.
 */
export async function tuneQueries(req: MedusaRequest, prepared: PreparedQuery[]): Promise<void> {
  if (!prepared.some((entry) => entry.q)) {
    return
  }
  // One read of the synonyms per request (often none: see tuning-memo.ts), shared by every query of a batch.
  const synonyms = await synonymTerms(req)
  await Promise.all(prepared.map((entry) => tuneQuery(req, entry, synonyms)))
}

async function tuneQuery(req: MedusaRequest, prepared: PreparedQuery, synonyms: SynonymTerms): Promise<void> {
  const { query, q } = prepared
  if (!q) {
    return
  }
  const options = query.search_options
  const expansion = expandSynonyms(q, synonyms)
  if (expansion.anyOf) {
    query.filters.q = expansion.anyOf.join(" ")
    options.match_strategy = "any"
  }
  if (!expansion.alternatives.length && !prepared.autoTypo) {
    // Nothing below would use the counts.
    return
  }
  const candidates = [query.filters.q as string, ...expansion.alternatives]
  const counts = await countMatches(req, candidates, options.match_strategy)
  if (expansion.alternatives.length) {
    const best = counts.indexOf(Math.max(...counts))
    if (counts[0] === 0 && counts[best] > 0) {
      query.filters.q = candidates[best]
      counts[0] = counts[best]
    }
  }
  if (prepared.autoTypo) {
    options.typo_tolerance = counts[0] === 0
  }
}

async function countMatches(req: MedusaRequest, texts: string[], matchStrategy: string): Promise<number[]> {
  const scope = storeScope(req)
  const keys = texts.map((text) => JSON.stringify([text, matchStrategy, scope]))
  return memoizedCounts(keys, async (missing) => {
    const results = await searchModule(req).searchMany(
      missing.map((index) => ({
        entity: STORE_INDEX,
        filters: { q: texts[index], ...scope },
        pagination: { take: 0 },
        search_options: { match_strategy: matchStrategy, typo_tolerance: false, count: "exact" },
      }))
    )
    return results.map((result) => result.metadata.count ?? result.hits.length)
  })
}
