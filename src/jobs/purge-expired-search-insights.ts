import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SEARCH_TUNING_MODULE } from "../modules/search-tuning"
import { firstDayOf, insightsRetentionDays } from "../modules/search-tuning/insights-settings"
import type SearchTuningModuleService from "../modules/search-tuning/service"

/**
 * Deletes search insights older than TIENDA_SEARCH_INSIGHTS_DAYS (default 90), every hour; with 0, all of them.
 * Runs where Medusa runs scheduled jobs (a `worker` or `shared` process).
 */
export default async function purgeExpiredSearchInsightsJob(container: MedusaContainer) {
  await purgeExpiredSearchInsights(container, new Date())
}

/** The job's work at a given moment (tests pass a moment in the future instead of waiting days). */
export async function purgeExpiredSearchInsights(container: MedusaContainer, now: Date): Promise<number> {
  const days = insightsRetentionDays()
  const tuning = container.resolve<SearchTuningModuleService>(SEARCH_TUNING_MODULE)
  const deleted = await tuning.deleteInsightsBefore(firstDayOf(days, now))
  if (deleted > 0) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`search insights: deleted ${deleted} row(s) older than ${days} day(s)`)
  }
  return deleted
}

export const config = {
  name: "tienda-purge-expired-search-insights",
  schedule: "41 * * * *",
}
