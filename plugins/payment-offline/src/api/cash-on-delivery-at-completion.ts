import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createPaymentSessionsWorkflow } from "@medusajs/medusa/core-flows"
import { callerMayChangeCart } from "../utils/cart-access"
import { cashOnDeliverySessionOf, feeIsInPlace, planCashOnDeliveryFee } from "../utils/cash-on-delivery-fee"
import { pluginOptions } from "../utils/plugin-options"
import { applyCashOnDeliveryFeeWorkflow } from "../workflows/apply-cash-on-delivery-fee"

const CART_FIELDS = [
  "id",
  "currency_code",
  "completed_at",
  "customer_id",
  "customer.has_account",
  "items.id",
  "items.quantity",
  "items.unit_price",
  "items.metadata",
  "payment_collection.id",
  "payment_collection.payment_sessions.id",
  "payment_collection.payment_sessions.provider_id",
  "payment_collection.payment_sessions.status",
]

async function cartOf(container: MedusaContainer, cartId: string): Promise<any> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: CART_FIELDS, filters: { id: cartId } })
  return data[0]
}

/**
 * Before `POST /store/carts/:id/complete`: a cart paying cash on delivery gets its fee now if the storefront never
 * asked for it (or changed it). Adding a line changes the total, so Medusa drops the cart's payment sessions; the
 * cash-on-delivery session is started again, and completion goes on with the fee in the order and in the amount
 * the courier collects. The completion itself checks the fee again under the cart's lock (workflows/hooks).
 */
export async function applyCashOnDeliveryFeeAtCompletion(
  req: AuthenticatedMedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
): Promise<void> {
  try {
    const cart = await cartOf(req.scope, req.params.id)
    const session = cashOnDeliverySessionOf(cart?.payment_collection?.payment_sessions)
    // Another customer's cart is left untouched, whatever the host app checks (Medusa's route then refuses or runs).
    if (!cart || cart.completed_at || !session || !callerMayChangeCart(cart, req.auth_context?.actor_id)) {
      return next()
    }
    const fee = pluginOptions(req.scope).cashOnDeliveryFee[cart.currency_code] ?? 0
    if (feeIsInPlace(planCashOnDeliveryFee(cart.items, fee))) {
      return next()
    }
    await applyCashOnDeliveryFeeWorkflow(req.scope).run({ input: { cart_id: cart.id, apply: true } })
    const updated = await cartOf(req.scope, cart.id)
    if (!cashOnDeliverySessionOf(updated?.payment_collection?.payment_sessions)) {
      await createPaymentSessionsWorkflow(req.scope).run({
        input: {
          payment_collection_id: updated.payment_collection.id,
          provider_id: session.provider_id,
          customer_id: req.auth_context?.actor_id,
        },
      })
    }
    next()
  } catch (error) {
    next(error)
  }
}
