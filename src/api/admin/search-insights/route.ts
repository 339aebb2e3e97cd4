import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import {
  firstDayOf,
  insightsQueriesPerDay,
  insightsRetentionDays,
} from "../../../modules/search-tuning/insights-settings"
import { searchTuning } from "../../store-search/search-context"
import type { SearchInsightsQuery } from "./operations"

/**
 * GET /admin/search-insights?days=7|30&limit=20: the storefront's most frequent queries, the queries whose latest
 * search found nothing, and the searches counted beyond the daily cap ("other"), over the last 7 or 30 days (today
 * included, in UTC days), never beyond the retention period. Also tells the retention and the cap.
 */
export const GET = async (req: MedusaRequest<unknown, SearchInsightsQuery>, res: MedusaResponse) => {
  const { days, limit } = req.validatedQuery
  const retention_days = insightsRetentionDays()
  const since = firstDayOf(Math.min(days, retention_days), new Date())
  const tuning = searchTuning(req)
  const [top_queries, zero_result_queries, other_queries] = await Promise.all([
    tuning.queryStats({ since, limit, zeroResults: false }),
    tuning.queryStats({ since, limit, zeroResults: true }),
    tuning.otherQueries({ since }),
  ])
  res.json({
    days,
    retention_days,
    queries_per_day: insightsQueriesPerDay(),
    top_queries,
    zero_result_queries,
    other_queries,
  })
}
