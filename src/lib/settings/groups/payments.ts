import { optional, setting } from "../define"
import { currencyAmounts } from "../types/currency-amounts"
import { positiveInteger, wholeNumber } from "../types/numbers"
import { onOff } from "../types/switches"
import { text } from "../types/text"

/**
 * Payment providers, as medusa-config.ts hands them to Medusa and the plugins. Text is passed on as given: each
 * plugin validates its own options at boot (the IBAN's checksum, PayPal's environment and intent, …).
 */
export const paymentSettings = {
  webhookDelayMs: setting("PAYMENT_WEBHOOK_DELAY_MS", wholeNumber("milliseconds"), 5000, "wait before a webhook runs"),
  bankAccountHolder: optional("OFFLINE_BANK_ACCOUNT_HOLDER", text, "bank-transfer account: holder"),
  bankIban: optional("OFFLINE_BANK_IBAN", text, "bank-transfer account: IBAN (checked by the plugin)"),
  bankBic: optional("OFFLINE_BANK_BIC", text, "bank-transfer account: BIC"),
  bankName: optional("OFFLINE_BANK_NAME", text, "bank-transfer account: bank name"),
  codFee: setting("OFFLINE_COD_FEE", currencyAmounts, {}, "cash-on-delivery fee per currency"),
  autoCancelDays: setting(
    "OFFLINE_AUTO_CANCEL_DAYS",
    wholeNumber("days"),
    7,
    "unpaid transfers cancelled after; 0: never"
  ),
  stripeApiKey: optional("STRIPE_API_KEY", text, "enables Stripe"),
  stripeWebhookSecret: optional("STRIPE_WEBHOOK_SECRET", text, "Stripe's webhook signing secret"),
  stripeCapture: setting("STRIPE_CAPTURE", onOff, false, "capture at checkout"),
  paypalClientId: optional("PAYPAL_CLIENT_ID", text, "enables PayPal"),
  paypalClientSecret: optional("PAYPAL_CLIENT_SECRET", text, "PayPal REST app secret"),
  paypalEnvironment: setting("PAYPAL_ENVIRONMENT", text, "sandbox", "sandbox or live (checked by the plugin)"),
  paypalWebhookId: optional("PAYPAL_WEBHOOK_ID", text, "PayPal webhook id"),
  paypalIntent: setting("PAYPAL_INTENT", text, "authorize", "authorize or capture (checked by the plugin)"),
  paypalApiBaseUrl: optional("PAYPAL_API_BASE_URL", text, "another server speaking PayPal's API"),
  paypalTimeoutMs: optional("PAYPAL_TIMEOUT_MS", positiveInteger("milliseconds"), "how long to wait for PayPal"),
}
