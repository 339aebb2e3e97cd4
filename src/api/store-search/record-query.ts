import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { insightQuery } from "../../modules/search-tuning/insight-query"
import { insightsQueriesPerDay, insightsRetentionDays, utcDay } from "../../modules/search-tuning/insights-settings"
import { searchTuning } from "./search-context"

/**
 * Counts the storefront's search for insights once the route has answered: into the row of its redacted query text
 * (as the shopper typed it, before synonyms; emails and long numbers replaced, see insight-query.ts) and UTC day,
 * with whether it found anything. Nothing about the shopper is stored. Later pages of the same search (skip > 0)
 * are not counted again; with TIENDA_SEARCH_INSIGHTS_DAYS=0 nothing is. A failure to record never fails the search.
 */
export function recordWhenAnswered(
  req: MedusaRequest,
  res: MedusaResponse,
  { q, skip, resultIndex }: { q: string; skip: number; resultIndex: number }
): void {
  const query = insightQuery(q)
  if (!query || skip > 0 || insightsRetentionDays() === 0) {
    return
  }
  const json = res.json.bind(res)
  res.json = ((body: any) => {
    const first = body?.results?.[resultIndex]
    if (res.statusCode < 400 && first) {
      const resultCount = Number(first.metadata?.count ?? first.hits?.length ?? 0)
      const at = new Date()
      searchTuning(req)
        .recordSearch({ query, resultCount, day: utcDay(at), at, queriesPerDay: insightsQueriesPerDay() })
        .catch((error: Error) =>
          req.scope
            .resolve(ContainerRegistrationKeys.LOGGER)
            .warn(`search insights: could not record a query: ${error.message}`)
        )
    }
    return json(body)
  }) as typeof res.json
}
