import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { rollBackInterruptedCompletion } from "../../lib/checkout/interrupted-completions"
import { settlingError, SETTLING_RETRY_AFTER_SECONDS } from "./interrupted-order-answer"

/**
 * A completion of a cart that already has its order answers with that order at once, as Medusa's route would
 * (`{ type: "order", order }` with the route's fields): the shopper's retry after a lost answer. Medusa's workflow
 * finds the same order, but only after taking the cart's lock, and a process killed mid-completion leaves that lock
 * in Redis for its two-minute expiry: every retry meanwhile would wait 30 s and get 409.
 *
 * Only a completion that can no longer be undone is answered here. Medusa's workflow writes the order and the
 * cart-to-order link before it authorizes the payment, and undoes both when a step up to the authorization fails (an
 * event it could not emit while Redis was away, a declined card): a retry that read the link in between would be
 * told of an order that then disappears. So the cart's payment must be authorized too (the workflow's last step that
 * can fail on its own); anything else goes on to Medusa, which waits for the lock.
 *
 * An order with no payment and no one holding the lock was left by a completion cut off before its payment (its
 * process killed): it is undone first (lib/checkout/interrupted-completions.ts), and Medusa's route then completes the
 * cart again in the same request. While such an order is younger than the lock's expiry the shopper is asked to
 * retry (409 with Retry-After). With the lock held, Medusa's route waits for it: what it then answers is checked by
 * interrupted-order-answer.ts.
 */
export async function answerCompletedCart(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
): Promise<void> {
  try {
    const cartId = String(req.params.id)
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data: links } = await query.graph({
      entity: "order_cart",
      fields: ["order_id"],
      filters: { cart_id: cartId },
    })
    const orderId = links[0]?.order_id
    if (!orderId) {
      return next()
    }
    if (!(await paymentAuthorized(req, cartId))) {
      if ((await rollBackInterruptedCompletion(req.scope, cartId, "retry")) === "too-recent") {
        res.setHeader("Retry-After", String(SETTLING_RETRY_AFTER_SECONDS))
        throw settlingError()
      }
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

/** Whether the cart's payment was authorized and not cancelled: its completion is past the steps that undo it. */
async function paymentAuthorized(req: MedusaRequest, cartId: string): Promise<boolean> {
  const knex = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await knex.raw(
    `select 1 from payment p
       join cart_payment_collection cpc on cpc.payment_collection_id = p.payment_collection_id and cpc.deleted_at is null
      where cpc.cart_id = ? and p.deleted_at is null and p.canceled_at is null
      limit 1`,
    [cartId]
  )
  return rows.length > 0
}
