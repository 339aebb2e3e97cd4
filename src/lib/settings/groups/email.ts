import { optional } from "../define"
import { oneOf, onOff } from "../types/switches"
import { positiveInteger } from "../types/numbers"
import { text } from "../types/text"

/**
 * Emails (plugins/notification-smtp). Without `url` or `host` nothing is sent: every email is kept in the local
 * mailbox. Unset options are left to the plugin's defaults, and it validates them at boot (addresses, URLs, colour).
 */
export const emailSettings = {
  url: optional("SMTP_URL", text, "smtp:// or smtps:// URL of the SMTP server (host, port, TLS, credentials)"),
  host: optional("SMTP_HOST", text, "SMTP server; unset with SMTP_URL: emails are stored, not sent"),
  port: optional("SMTP_PORT", positiveInteger("port"), "SMTP port (587, or 465 with SMTP_SECURE)"),
  secure: optional("SMTP_SECURE", onOff, "TLS from the first byte (port 465)"),
  requireTls: optional("SMTP_REQUIRE_TLS", onOff, "refuse a connection that did not upgrade to TLS"),
  user: optional("SMTP_USER", text, "SMTP user"),
  password: optional("SMTP_PASSWORD", text, "SMTP password"),
  from: optional("SMTP_FROM", text, "sender, e.g. Shop <shop@example.com>"),
  replyTo: optional("SMTP_REPLY_TO", text, "reply-to address"),
  merchantEmail: optional("EMAIL_MERCHANT_ADDRESS", text, "gets a new-order alert"),
  storefrontUrl: optional("STOREFRONT_URL", text, "where reset-password and account links point"),
  logoUrl: optional("EMAIL_LOGO_URL", text, "logo at the top of every email"),
  brandColor: optional("EMAIL_BRAND_COLOR", text, "header and button colour, #rrggbb"),
  defaultLocale: optional(
    "EMAIL_DEFAULT_LOCALE",
    oneOf(["en", "es"] as const),
    "language without an order or customer locale"
  ),
}
