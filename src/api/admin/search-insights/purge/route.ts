import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { searchTuning } from "../../../store-search/search-context"

/** POST /admin/search-insights/purge: deletes every search insight now (admins only, like all of /admin). */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const deleted = await searchTuning(req).purgeInsights()
  const actor = (req as { auth_context?: { actor_id?: string } }).auth_context?.actor_id ?? "unknown"
  req.scope.resolve(ContainerRegistrationKeys.LOGGER).info(`search insights: ${deleted} row(s) purged by ${actor}`)
  res.json({ deleted })
}
