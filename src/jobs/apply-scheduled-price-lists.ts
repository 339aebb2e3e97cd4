import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ScheduledPriceLists } from "../lib/catalog-cache/invalidation/scheduled-price-lists"

const scheduled = new ScheduledPriceLists()

/**
 * Every minute: a price list that began or ended since the last run makes the catalog stale (its cache, the read
 * model, the CDN), so a scheduled sale shows within a minute of its start and stops within a minute of its end.
 */
export default async function applyScheduledPriceListsJob(container: MedusaContainer) {
  const turned = await scheduled.check(container.resolve(ContainerRegistrationKeys.PG_CONNECTION))
  if (turned.length) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`price lists began or ended (${turned.join(", ")}): catalog answers made stale`)
  }
}

export const config = {
  name: "tienda-apply-scheduled-price-lists",
  schedule: "* * * * *",
}
