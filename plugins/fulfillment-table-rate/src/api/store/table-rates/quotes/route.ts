import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listShippingOptionsForCartWithPricingWorkflow } from "@medusajs/medusa/core-flows"
import { isTableRateProvider } from "../../../../utils/option-link"
import type { QuotesQuery } from "../../../operations"

/**
 * GET /store/table-rates/quotes?cart_id=…: the cart's table-rate shipping options, each either with its price or
 * with the reason it is not offered (`{ code, message }`, e.g. too heavy). Medusa's own
 * `POST /store/shipping-options/:id/calculate` gives the same per option.
 */
export const GET = async (req: MedusaRequest<unknown, QuotesQuery>, res: MedusaResponse) => {
  const cartId = req.validatedQuery.cart_id
  const { result } = await listShippingOptionsForCartWithPricingWorkflow(req.scope).run({ input: { cart_id: cartId } })
  const quotes = result
    .filter((option) => isTableRateProvider(option.provider_id))
    .map((option) => {
      const price = option.calculated_price ?? {}
      const available = typeof price.calculated_amount === "number"
      return {
        shipping_option_id: option.id,
        name: option.name,
        available,
        amount: available ? price.calculated_amount : null,
        is_tax_inclusive: !!price.is_calculated_price_tax_inclusive,
        unavailable: available
          ? null
          : (price.table_rate?.unavailable ?? { code: "unavailable", message: "Not available for this cart" }),
      }
    })
  res.json({ quotes })
}
