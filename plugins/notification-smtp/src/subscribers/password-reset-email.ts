import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { emailLocale } from "../templates/i18n"
import { emailKey } from "../utils/idempotency"
import { fullName } from "../utils/order-email-data"
import { pluginOptions } from "../utils/plugin-options"
import { sendEmails } from "../utils/send-emails"

type PasswordReset = { entity_id: string; actor_type: string; token: string }

/**
 * The reset link for a customer (Medusa emits `auth.password_reset` only for an email that has an identity, and
 * leaves sending it to the app). Admin users reset through another flow: their events are not this plugin's.
 */
export default async function passwordResetEmail({ event, container }: SubscriberArgs<PasswordReset>) {
  const { entity_id: email, actor_type, token } = event.data
  if (actor_type !== "customer" || !email || !token) {
    return
  }
  const options = pluginOptions(container)
  const [customer] = await container.resolve(Modules.CUSTOMER).listCustomers({ email, has_account: true }, { take: 1 })
  await sendEmails(container, [
    {
      template: "password-reset",
      to: email,
      locale: emailLocale(
        [(customer?.metadata as { locale?: string } | null)?.locale],
        options.defaultLocale as "en" | "es"
      ),
      data: { email, token, customer_name: fullName(customer) },
      // The token makes each request its own email; it is hashed in the key and lives only in the email itself.
      idempotency_key: emailKey({ event: event.name, subject: token, to: email, template: "password-reset" }),
      event_name: event.name,
      customer_id: customer?.id ?? null,
    },
  ])
}

export const config: SubscriberConfig = {
  event: "auth.password_reset",
  context: { subscriberId: "notification-smtp-password-reset" },
}
