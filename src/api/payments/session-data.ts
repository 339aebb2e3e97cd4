import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/**
 * What a shopper may put in `data` when starting a payment session (`POST /store/payment-collections/:id/
 * payment-sessions`). Medusa stores that object merged with what the provider returns, in the same session data
 * where providers keep what the payment service told them (authorization and capture ids, statuses, settlement
 * dates). A key the provider never asked a shopper for is dropped here, before Medusa sees it.
 *
 * Keyed by provider identifier (`pp_<identifier>_<id>`), so a provider registered under another id keeps its list.
 */

/**
 * Inputs Medusa's Stripe provider reads on initiatePayment that belong to the shopper's checkout (a saved card,
 * saving the card, a redirect back, Stripe.js's options). Left out on purpose: what the merchant decides —
 * `capture_method`, `payment_method_types`, `automatic_payment_methods`, `payment_method_configuration`,
 * `payment_description`, `metadata`.
 */
export const STRIPE_SHOPPER_KEYS = [
  "payment_method",
  "setup_future_usage",
  "payment_method_options",
  "payment_method_data",
  "return_url",
  "confirm",
  "off_session",
  "shared_payment_token",
] as const

const NONE: readonly string[] = []

export const SHOPPER_SESSION_DATA_KEYS: Readonly<Record<string, readonly string[]>> = {
  // Medusa's manual provider reads nothing.
  system: NONE,
  // Tienda's plugins read nothing a shopper sends (see their READMEs).
  paypal: NONE,
  "bank-transfer": NONE,
  "cash-on-delivery": NONE,
  stripe: STRIPE_SHOPPER_KEYS,
  "stripe-bancontact": STRIPE_SHOPPER_KEYS,
  "stripe-blik": STRIPE_SHOPPER_KEYS,
  "stripe-giropay": STRIPE_SHOPPER_KEYS,
  "stripe-ideal": STRIPE_SHOPPER_KEYS,
  "stripe-oxxo": STRIPE_SHOPPER_KEYS,
  "stripe-promptpay": STRIPE_SHOPPER_KEYS,
  "stripe-przelewy24": STRIPE_SHOPPER_KEYS,
}

/** A provider not in the table gets what Medusa's own card provider (Stripe) takes from a storefront, no more. */
export const DEFAULT_SHOPPER_KEYS: readonly string[] = STRIPE_SHOPPER_KEYS

export function shopperKeysFor(providerId: unknown): readonly string[] {
  const identifier = typeof providerId === "string" ? /^pp_(.+?)_/.exec(providerId)?.[1] : undefined
  return identifier !== undefined && Object.prototype.hasOwnProperty.call(SHOPPER_SESSION_DATA_KEYS, identifier)
    ? SHOPPER_SESSION_DATA_KEYS[identifier]
    : DEFAULT_SHOPPER_KEYS
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

/** Only the declared keys of `data`; anything else (and anything that is not a plain object's own key) is gone. */
export function keepShopperSessionData(providerId: unknown, data: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {}
  for (const key of shopperKeysFor(providerId)) {
    if (Object.prototype.hasOwnProperty.call(data, key)) {
      kept[key] = data[key]
    }
  }
  return kept
}

/**
 * Route middleware: trims `data` to the provider's declared keys. Medusa's route reads `req.body`, its validator
 * writes `req.validatedBody`; both are trimmed, whichever ran first. A `data` that is not an object is left for
 * Medusa's validator to refuse with a 400.
 */
export function keepDeclaredSessionData(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction): void {
  for (const body of [req.body, (req as { validatedBody?: unknown }).validatedBody]) {
    if (isPlainObject(body) && isPlainObject(body.data)) {
      body.data = keepShopperSessionData(body.provider_id, body.data)
    }
  }
  next()
}
