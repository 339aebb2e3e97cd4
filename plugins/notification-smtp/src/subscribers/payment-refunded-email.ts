import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { loadOrder, toOrderEmail } from "../utils/order-email-data"
import { customerOrderEmail } from "../utils/order-emails"
import { pluginOptions } from "../utils/plugin-options"
import { sendEmails } from "../utils/send-emails"

/** The refund email: the payment's newest refund (its amount and note); one email per refund. */
export default async function paymentRefundedEmail({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment",
    fields: ["id", "refunds.id", "refunds.amount", "refunds.note", "refunds.created_at", "payment_collection.order.id"],
    filters: { id: event.data.id },
  })
  const payment = data[0]
  const refund = [...(payment?.refunds ?? [])].sort(
    (a: any, b: any) => new Date(b.created_at).getTime() - new Date(a.created_at).getTime()
  )[0]
  const order =
    refund && payment?.payment_collection?.order?.id
      ? await loadOrder(container, payment.payment_collection.order.id)
      : null
  if (!order?.email) {
    return
  }
  const emailData = { order: toOrderEmail(order), amount: refund.amount, note: refund.note }
  const occurrence = { event: event.name, subject: refund.id }
  await sendEmails(container, [
    customerOrderEmail(order, "refund-issued", emailData, occurrence, pluginOptions(container)),
  ])
}

export const config: SubscriberConfig = {
  event: "payment.refunded",
  context: { subscriberId: "notification-smtp-payment-refunded" },
}
