import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { linkRateTableStep } from "./steps/link-rate-table-step"
import { replaceRateTableStep } from "./steps/replace-rate-table-step"
import { validateRateTableStep } from "./steps/validate-rate-table-step"

export interface UpsertRateTableWorkflowInput {
  shipping_option_id: string
  /** Rows, handling fees and thresholds as the admin API received them (validated here). */
  table: unknown
  /**
   * Currencies a row may use; defaults to the store's supported currencies. For seeding, which writes rate tables
   * before the store's currencies are set.
   */
  currencies?: string[]
}

/** Creates or replaces a shipping option's rate table: validate, save (one transaction), point the option at it. */
export const upsertRateTableWorkflow = createWorkflow(
  "upsert-table-rate-table",
  (input: UpsertRateTableWorkflowInput) => {
    const table = validateRateTableStep({
      shipping_option_id: input.shipping_option_id,
      table: input.table,
      currencies: input.currencies,
    })
    const saved = replaceRateTableStep({ shipping_option_id: input.shipping_option_id, table })
    const link = transform({ saved }, ({ saved }) => ({
      shipping_option_id: saved.shipping_option_id,
      version: saved.version,
    }))
    linkRateTableStep(link)
    return new WorkflowResponse(saved)
  }
)
