/** The plugin's package name: how Medusa's config lists it (`plugins: [{ resolve }]`). */
export const PLUGIN_NAME = "@tienda/notification-smtp"

/** Container key of the email log module (the plugin registers it itself). */
export const EMAIL_LOG_MODULE = "emailLog"

/** The provider's identifier; registered with id "smtp" it becomes `notification_smtp_smtp` in Medusa's table. */
export const SMTP_PROVIDER_IDENTIFIER = "smtp"

/** What the provider answers for an email it kept in the local mailbox instead of sending (no SMTP server set). */
export const MAILBOX_ID_PREFIX = "stored-locally:"

export const EMAIL_TEMPLATES = [
  "order-placed",
  "order-shipped",
  "order-canceled",
  "refund-issued",
  "password-reset",
  "customer-welcome",
  "merchant-new-order",
] as const

export type EmailTemplate = (typeof EMAIL_TEMPLATES)[number]

/**
 * An email's state in the log: `pending` while its first delivery runs, `stored` kept in the local mailbox (no SMTP
 * server configured), `sent` accepted by the SMTP server, `retrying` waiting for its next attempt, `failed` given up.
 */
export const EMAIL_STATUSES = ["pending", "stored", "sent", "retrying", "failed"] as const

export type EmailStatus = (typeof EMAIL_STATUSES)[number]
