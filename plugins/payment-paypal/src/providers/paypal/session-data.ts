import type { PayPalPaymentData } from "./types"

/**
 * The keys this provider sets when it creates (or re-prices) a PayPal order. Everything else in a session's data
 * either comes from PayPal at authorization (authorization and capture ids, status) or was never the provider's:
 * Medusa merges the `data` a shopper sends with a new session's (`{ ...shopper, ...provider }`), so a session can
 * hold keys no one at PayPal ever issued.
 */
const CHECKOUT_KEYS = ["paypal_order_id", "intent", "currency_code", "amount", "session_id", "approve_url"] as const

export type PayPalCheckoutData = Pick<PayPalPaymentData, (typeof CHECKOUT_KEYS)[number]>

/** The checkout keys of a session's data, nothing else: what authorization starts from. */
export function checkoutData(data: Record<string, unknown> | undefined): PayPalCheckoutData {
  const kept: Record<string, unknown> = {}
  for (const key of CHECKOUT_KEYS) {
    if (data && Object.prototype.hasOwnProperty.call(data, key) && data[key] !== undefined) {
      kept[key] = data[key]
    }
  }
  return kept as PayPalCheckoutData
}

/**
 * A new session's data that also names every other key of the caller's `data` as undefined: Medusa's merge then
 * holds undefined there, and a JSON column does not store undefined, so none of them is kept.
 */
export function replacingCallerData(
  callerData: Record<string, unknown> | undefined,
  data: Record<string, unknown>
): Record<string, unknown> {
  const cleared: Record<string, unknown> = {}
  for (const key of Object.keys(callerData ?? {})) {
    cleared[key] = undefined
  }
  return { ...cleared, ...data }
}
