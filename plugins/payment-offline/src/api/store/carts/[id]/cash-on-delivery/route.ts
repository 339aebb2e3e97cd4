import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { applyCashOnDeliveryFeeWorkflow } from "../../../../../workflows/apply-cash-on-delivery-fee"

async function respondWithCart(req: MedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: [
      "id",
      "currency_code",
      "total",
      "item_total",
      "items.id",
      "items.title",
      "items.unit_price",
      "items.quantity",
      "items.metadata",
    ],
    filters: { id: req.params.id },
  })
  res.json({ cart: data[0] })
}

/** The customer chose cash on delivery: put the configured fee on the cart (once). */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  await applyCashOnDeliveryFeeWorkflow(req.scope).run({ input: { cart_id: req.params.id, apply: true } })
  await respondWithCart(req, res)
}

/** The customer switched to another payment method: take the fee off. */
export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  await applyCashOnDeliveryFeeWorkflow(req.scope).run({ input: { cart_id: req.params.id, apply: false } })
  await respondWithCart(req, res)
}
