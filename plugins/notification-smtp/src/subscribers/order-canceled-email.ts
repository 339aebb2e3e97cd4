import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { orderEmailRequests } from "../utils/order-emails"
import { pluginOptions } from "../utils/plugin-options"
import { sendEmails } from "../utils/send-emails"

export default async function orderCanceledEmail({ event, container }: SubscriberArgs<{ id: string }>) {
  const options = pluginOptions(container)
  await sendEmails(
    container,
    await orderEmailRequests(container, event.data.id, event.name, ["order-canceled"], options)
  )
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "notification-smtp-order-canceled" },
}
