import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { writeOptionLink } from "../../utils/option-link"

export interface LinkRateTableStepInput {
  shipping_option_id: string
  version: number
}

/**
 * Writes `{ table_rate: { shipping_option_id, version } }` into the shipping option's data: Medusa passes that data
 * (not the option's id) to `calculatePrice`, and the new version invalidates every process's cached table.
 */
export const linkRateTableStep = createStep(
  "link-table-rate-table",
  async (input: LinkRateTableStepInput, { container }) => {
    const fulfillment = container.resolve(Modules.FULFILLMENT)
    const option = await fulfillment.retrieveShippingOption(input.shipping_option_id, { select: ["id", "data"] })
    const previous = option.data ?? null
    await fulfillment.updateShippingOptions(input.shipping_option_id, {
      data: writeOptionLink(previous, { shipping_option_id: input.shipping_option_id, version: input.version }),
    })
    return new StepResponse(undefined, { id: input.shipping_option_id, previous })
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    await container.resolve(Modules.FULFILLMENT).updateShippingOptions(compensation.id, { data: compensation.previous })
  }
)
