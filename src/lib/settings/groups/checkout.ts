import { setting } from "../define"
import { positiveInteger } from "../types/numbers"

/**
 * The per-process checkout line (src/api/checkout/): how many complete at once, wait, and per address; and when a
 * payment left without its order is cancelled (src/lib/checkout/orphaned-payments.ts).
 */
export const checkoutSettings = {
  concurrency: setting("TIENDA_CHECKOUT_CONCURRENCY", positiveInteger(), 4, "cart completions run at once per process"),
  queueTimeoutMs: setting(
    "TIENDA_CHECKOUT_QUEUE_TIMEOUT_MS",
    positiveInteger("milliseconds"),
    60_000,
    "a completion queued longer gets 409"
  ),
  maxWaiting: setting("TIENDA_CHECKOUT_QUEUE_MAX", positiveInteger(), 100, "completions waiting at most per process"),
  perAddress: setting("TIENDA_CHECKOUT_PER_ADDRESS", positiveInteger(), 20, "places one client address may hold"),
  orphanedPaymentGraceSeconds: setting(
    "TIENDA_ORPHANED_PAYMENT_GRACE_SECONDS",
    positiveInteger("seconds"),
    600,
    "age after which a payment whose cart has no order is cancelled"
  ),
}
