import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { normalizeText } from "../../lib/search/normalize"
import { searchTuning } from "./search-context"

/**
 * Records the storefront's search for insights once the route has answered: the normalised text as the shopper
 * typed it (before synonyms) and how many products it found. Nothing about the shopper is stored. Later pages of
 * the same search (skip > 0) are not counted again. A failure to record never fails the search.
 */
export function recordWhenAnswered(
  req: MedusaRequest,
  res: MedusaResponse,
  { q, skip, resultIndex }: { q: string; skip: number; resultIndex: number }
): void {
  const text = normalizeText(q)
  if (!text || skip > 0) {
    return
  }
  const json = res.json.bind(res)
  res.json = ((body: any) => {
    const first = body?.results?.[resultIndex]
    if (res.statusCode < 400 && first) {
      const count = Number(first.metadata?.count ?? first.hits?.length ?? 0)
      searchTuning(req)
        .createSearchQueryLogs({ query: text, result_count: count })
        .catch((error: Error) =>
          req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`search insights: could not record a query: ${error.message}`)
        )
    }
    return json(body)
  }) as typeof res.json
}
