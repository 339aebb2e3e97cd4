import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { orderEmailRequests } from "../utils/order-emails"
import { pluginOptions } from "../utils/plugin-options"
import { sendEmails } from "../utils/send-emails"

/** The order confirmation to the customer, and the new-order alert to the merchant (see order-emails.ts). */
export default async function orderPlacedEmails({ event, container }: SubscriberArgs<{ id: string }>) {
  const options = pluginOptions(container)
  await sendEmails(
    container,
    await orderEmailRequests(container, event.data.id, event.name, ["order-placed", "merchant-new-order"], options)
  )
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "notification-smtp-order-placed" },
}
