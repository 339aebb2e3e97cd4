import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { validateRateTable } from "../../../../utils/validate-rate-table"
import { upsertRateTableWorkflow } from "../../../../workflows/upsert-rate-table"
import { storeCurrencies } from "../../../../workflows/steps/validate-rate-table-step"
import { listTableRateOptions } from "../shipping-options"

async function tableRateOption(req: MedusaRequest) {
  const [option] = await listTableRateOptions(req.scope, [req.params.shipping_option_id])
  if (!option) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `No table-rate shipping option "${req.params.shipping_option_id}"`
    )
  }
  return option
}

/** GET /admin/table-rates/:shipping_option_id: one table-rate option with its rate table. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const option = await tableRateOption(req)
  res.json({ shipping_option: option, currencies: await storeCurrencies(req.scope) })
}

/**
 * POST /admin/table-rates/:shipping_option_id: creates or replaces the option's rate table.
 * Body: `{ rows: [{ currency_code, min_weight, max_weight, min_subtotal, max_subtotal, price }], handling_fee?,
 * free_over? }` (grams; minor units). A bad table answers 400 with `errors: [{ row, field, message }]`.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  await tableRateOption(req)
  // Checked here first so that every problem comes back at once, each with its row; the workflow checks again.
  const { problems } = validateRateTable(req.body, await storeCurrencies(req.scope))
  if (problems.length) {
    res.status(400).json({
      type: MedusaError.Types.INVALID_DATA,
      message: problems.map((p) => p.message).join("; "),
      errors: problems,
    })
    return
  }
  const { result } = await upsertRateTableWorkflow(req.scope).run({
    input: { shipping_option_id: req.params.shipping_option_id, table: req.body },
  })
  res.json({ rate_table: result })
}
