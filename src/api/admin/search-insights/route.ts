import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import {
  firstDayOf,
  insightsQueriesPerDay,
  insightsRetentionDays,
} from "../../../modules/search-tuning/insights-settings"
import { searchTuning } from "../../store-search/search-context"

const PERIODS = [7, 30]

/**
 * GET /admin/search-insights?days=7|30&limit=20: the storefront's most frequent queries, the queries whose latest
 * search found nothing, and the searches counted beyond the daily cap ("other"), over the last 7 or 30 days (today
 * included, in UTC days), never beyond the retention period. Also tells the retention and the cap.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const days = req.query.days === undefined ? 7 : Number(req.query.days)
  const limit = req.query.limit === undefined ? 20 : Number(req.query.limit)
  if (!PERIODS.includes(days)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `days must be one of ${PERIODS.join(", ")}`)
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "limit must be a whole number from 1 to 100")
  }
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
