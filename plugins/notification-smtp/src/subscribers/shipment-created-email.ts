import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { loadOrder, toOrderEmail } from "../utils/order-email-data"
import { customerOrderEmail } from "../utils/order-emails"
import { pluginOptions } from "../utils/plugin-options"
import { sendEmails } from "../utils/send-emails"

const FULFILLMENT_FIELDS = [
  "id",
  "metadata",
  "shipping_option.name",
  "labels.tracking_number",
  "labels.tracking_url",
  "items.title",
  "items.quantity",
  "order.id",
]

/**
 * The shipping email when the merchant marks a fulfillment shipped: its items, the carrier (the fulfillment's
 * `metadata.carrier`, else the shipping option's name) and its labels' tracking numbers and URLs.
 */
export default async function shipmentCreatedEmail({
  event,
  container,
}: SubscriberArgs<{ id: string; no_notification?: boolean }>) {
  if (event.data.no_notification) {
    return
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "fulfillment",
    fields: FULFILLMENT_FIELDS,
    filters: { id: event.data.id },
  })
  const fulfillment = data[0]
  const order = fulfillment?.order?.id ? await loadOrder(container, fulfillment.order.id) : null
  if (!order?.email) {
    return
  }
  const emailData = {
    order: toOrderEmail(order),
    items: (fulfillment.items ?? []).map((item: any) => ({ title: item.title, quantity: item.quantity })),
    carrier: fulfillment.metadata?.carrier ?? fulfillment.shipping_option?.name ?? null,
    tracking: (fulfillment.labels ?? []).map((label: any) => ({
      number: label.tracking_number,
      url: label.tracking_url,
    })),
  }
  const occurrence = { event: event.name, subject: fulfillment.id }
  await sendEmails(container, [
    customerOrderEmail(order, "order-shipped", emailData, occurrence, pluginOptions(container)),
  ])
}

export const config: SubscriberConfig = {
  event: "shipment.created",
  context: { subscriberId: "notification-smtp-shipment-created" },
}
