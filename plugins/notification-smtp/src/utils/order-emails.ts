import type { MedusaContainer } from "@medusajs/framework/types"
import { emailLocale } from "../templates/i18n"
import type { EmailRequest } from "./email-request"
import { emailSettingsOf, shopStore } from "./email-settings"
import { emailKey } from "./idempotency"
import { loadOrder, orderLocaleCandidates, toOrderEmail } from "./order-email-data"
import type { ResolvedSmtpEmailOptions } from "./options"

type OrderTemplate = "order-placed" | "order-canceled" | "merchant-new-order"

/**
 * The customer's email about an order event, and the merchant's alert for a new order when an address is set (in
 * the admin, else `merchantEmail`).
 */
export async function orderEmailRequests(
  container: MedusaContainer,
  orderId: string,
  event: string,
  templates: OrderTemplate[],
  options: ResolvedSmtpEmailOptions
): Promise<EmailRequest[]> {
  const order = await loadOrder(container, orderId)
  if (!order) {
    return []
  }
  const data = toOrderEmail(order)
  const merchantEmail = templates.includes("merchant-new-order")
    ? emailSettingsOf(await shopStore(container), options).merchant_email
    : null
  const requests: EmailRequest[] = []
  for (const template of templates) {
    const merchant = template === "merchant-new-order"
    const to = merchant ? merchantEmail : order.email
    if (!to) {
      continue
    }
    const locale = merchant
      ? emailLocale([], options.defaultLocale as "en" | "es")
      : emailLocale(orderLocaleCandidates(order), options.defaultLocale as "en" | "es")
    requests.push({
      template,
      to,
      locale,
      data,
      idempotency_key: emailKey({ event, subject: order.id, to, template }),
      event_name: event,
      order_id: order.id,
      customer_id: order.customer_id ?? null,
    })
  }
  return requests
}

/** An email to the order's customer about one occurrence (`subject`: the fulfillment or refund it is about). */
export function customerOrderEmail<T extends "order-shipped" | "refund-issued">(
  order: any,
  template: T,
  data: EmailRequest<T>["data"],
  occurrence: { event: string; subject: string },
  options: ResolvedSmtpEmailOptions
): EmailRequest<T> {
  return {
    template,
    to: order.email,
    locale: emailLocale(orderLocaleCandidates(order), options.defaultLocale as "en" | "es"),
    data,
    idempotency_key: emailKey({ ...occurrence, to: order.email, template }),
    event_name: occurrence.event,
    order_id: order.id,
    customer_id: order.customer_id ?? null,
  }
}
