import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { emailLocale } from "../templates/i18n"
import { emailKey } from "../utils/idempotency"
import { fullName } from "../utils/order-email-data"
import { pluginOptions } from "../utils/plugin-options"
import { sendEmails } from "../utils/send-emails"

/** The welcome email for a customer who registered an account (guest customers made at checkout get none). */
export default async function customerCreatedEmail({ event, container }: SubscriberArgs<{ id: string }>) {
  const [customer] = await container.resolve(Modules.CUSTOMER).listCustomers({ id: event.data.id }, { take: 1 })
  if (!customer?.has_account || !customer.email) {
    return
  }
  const options = pluginOptions(container)
  await sendEmails(container, [
    {
      template: "customer-welcome",
      to: customer.email,
      locale: emailLocale(
        [(customer.metadata as { locale?: string } | null)?.locale],
        options.defaultLocale as "en" | "es"
      ),
      data: { email: customer.email, customer_name: fullName(customer) },
      idempotency_key: emailKey({
        event: event.name,
        subject: customer.id,
        to: customer.email,
        template: "customer-welcome",
      }),
      event_name: event.name,
      customer_id: customer.id,
    },
  ])
}

export const config: SubscriberConfig = {
  event: "customer.created",
  context: { subscriberId: "notification-smtp-customer-created" },
}
