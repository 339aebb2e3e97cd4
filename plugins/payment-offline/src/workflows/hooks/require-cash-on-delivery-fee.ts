import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { requireCashOnDeliveryFee } from "../../utils/cash-on-delivery-fee"

/**
 * A cart paying cash on delivery completes only with its fee: checked on the cart Medusa builds the order from,
 * under the cart's lock, so no request racing the completion (taking the fee off, starting a new session) can
 * get an order without it. The store's completion route puts a missing fee on first (api/cash-on-delivery-at-
 * completion.ts); this is what holds whatever else completes the cart.
 */
completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  requireCashOnDeliveryFee(cart, container)
})
