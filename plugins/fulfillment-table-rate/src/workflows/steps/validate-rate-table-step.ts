import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { isTableRateProvider } from "../../utils/option-link"
import type { RateTableInput } from "../../utils/rate-table-types"
import { validateRateTable } from "../../utils/validate-rate-table"

export interface ValidateRateTableStepInput {
  shipping_option_id: string
  table: unknown
  /** Allowed currencies; the store's supported currencies when absent. */
  currencies?: string[]
}

/** The store's currencies (lower-case): a rate in any other currency could never be charged. */
export async function storeCurrencies(container: { resolve: (key: string) => any }): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "store", fields: ["supported_currencies.currency_code"] })
  return [
    ...new Set<string>(
      data.flatMap((store: any) => (store.supported_currencies ?? []).map((c: any) => c.currency_code.toLowerCase()))
    ),
  ]
}

/**
 * Checks that the shipping option exists and uses the table-rate provider, and that the table is valid; every
 * problem names its row. Throws INVALID_DATA (HTTP 400) before anything is written.
 */
export const validateRateTableStep = createStep(
  "validate-table-rate-table",
  async (input: ValidateRateTableStepInput, { container }) => {
    const fulfillment = container.resolve(Modules.FULFILLMENT)
    const [option] = await fulfillment.listShippingOptions(
      { id: input.shipping_option_id },
      { select: ["id", "provider_id"], take: 1 }
    )
    if (!option) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown shipping option "${input.shipping_option_id}"`)
    }
    if (!isTableRateProvider(option.provider_id)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Shipping option "${input.shipping_option_id}" uses the provider "${option.provider_id}", not table-rate`
      )
    }
    const { problems, table } = validateRateTable(input.table, input.currencies ?? (await storeCurrencies(container)))
    if (!table) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.map((p) => p.message).join("; "))
    }
    return new StepResponse<RateTableInput>(table)
  }
)
