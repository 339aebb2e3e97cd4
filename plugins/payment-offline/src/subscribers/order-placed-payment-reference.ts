import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { updateOrderWorkflow } from "@medusajs/medusa/core-flows"
import { orderOfflinePayment } from "../utils/order-offline-payment"

/**
 * Copies an offline order's payment method and reference onto the order's metadata, where the storefront's
 * order confirmation, notification templates and the admin's order search can read it.
 */
export default async function orderPlacedPaymentReference({ event, container }: SubscriberArgs<{ id: string }>) {
  const { order, payment } = await orderOfflinePayment(container, event.data.id)
  if (!payment?.reference) {
    return
  }
  await updateOrderWorkflow(container).run({
    input: {
      id: event.data.id,
      user_id: "payment-offline",
      metadata: { ...(order.metadata ?? {}), payment_method: payment.method, payment_reference: payment.reference },
    },
  })
}

export const config: SubscriberConfig = { event: "order.placed" }
