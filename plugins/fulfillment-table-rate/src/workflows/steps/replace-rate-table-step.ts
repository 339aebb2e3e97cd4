import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { TABLE_RATE_MODULE } from "../../modules/table-rate"
import type TableRateModuleService from "../../modules/table-rate/service"
import type { RateTableInput, StoredRateTable } from "../../utils/rate-table-types"

export interface ReplaceRateTableStepInput {
  shipping_option_id: string
  table: RateTableInput
}

/** Saves the whole table in one transaction; compensation puts the previous table back (or removes the new one). */
export const replaceRateTableStep = createStep(
  "replace-table-rate-table",
  async (input: ReplaceRateTableStepInput, { container }) => {
    const service = container.resolve<TableRateModuleService>(TABLE_RATE_MODULE)
    const previous = await service.getRateTable(input.shipping_option_id)
    const saved = await service.replaceRateTable(input.shipping_option_id, input.table)
    return new StepResponse<StoredRateTable, { shipping_option_id: string; previous: StoredRateTable | null }>(saved, {
      shipping_option_id: input.shipping_option_id,
      previous,
    })
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    const service = container.resolve<TableRateModuleService>(TABLE_RATE_MODULE)
    if (compensation.previous) {
      await service.replaceRateTable(compensation.shipping_option_id, compensation.previous)
    } else {
      await service.removeRateTable(compensation.shipping_option_id)
    }
  }
)
