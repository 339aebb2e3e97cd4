import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { storeCurrencies } from "../../../workflows/steps/validate-rate-table-step"
import { listTableRateOptions } from "./shipping-options"

/** GET /admin/table-rates: every table-rate shipping option with its rate table, and the store's currencies. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const [shipping_options, currencies] = await Promise.all([
    listTableRateOptions(req.scope),
    storeCurrencies(req.scope),
  ])
  res.json({ shipping_options, currencies })
}
