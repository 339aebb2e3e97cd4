import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * A completion of a cart that already has its order answers with that order at once, as Medusa's route would
 * (`{ type: "order", order }` with the route's fields): the shopper's retry after a lost answer. Medusa's workflow
 * finds the same order, but only after taking the cart's lock, and a process killed mid-completion leaves that lock
 * in Redis for its two-minute expiry: every retry meanwhile would wait 30 s and get 409. The cart-to-order link is
 * written once and never changes, so reading it without the lock is safe. Anything else goes on to Medusa.
 */
export async function answerCompletedCart(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
): Promise<void> {
  try {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data: links } = await query.graph({
      entity: "order_cart",
      fields: ["order_id"],
      filters: { cart_id: String(req.params.id) },
    })
    const orderId = links[0]?.order_id
    if (!orderId) {
      return next()
    }
    const { data: orders } = await query.graph({
      entity: "order",
      fields: req.queryConfig.fields,
      filters: { id: orderId },
    })
    if (!orders[0]) {
      return next()
    }
    res.setHeader("X-Tienda-Completion", "existing-order")
    res.status(200).json({ type: "order", order: orders[0] })
  } catch (error) {
    next(error)
  }
}
