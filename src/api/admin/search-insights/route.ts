import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { searchTuning } from "../../search/search-context"

const PERIODS = [7, 30]

/**
 * GET /admin/search-insights?days=7|30&limit=20: the storefront's most frequent queries and the queries whose
 * latest search found nothing, over the last 7 or 30 days.
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
  const tuning = searchTuning(req)
  const [top_queries, zero_result_queries] = await Promise.all([
    tuning.queryStats({ days, limit, zeroResults: false }),
    tuning.queryStats({ days, limit, zeroResults: true }),
  ])
  res.json({ days, top_queries, zero_result_queries })
}
