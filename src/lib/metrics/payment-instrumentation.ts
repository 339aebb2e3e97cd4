import { paymentOperations } from "./commerce-metrics"
import { metricsEnabled } from "./registry"

type ProviderCall = (providerId: string, ...rest: unknown[]) => Promise<unknown>

const OPERATIONS = { authorizePayment: "authorize", capturePayment: "capture", refundPayment: "refund" } as const

const instrumented = new WeakSet<object>()

/**
 * Counts the payment provider calls that move money — authorize, capture, refund — by provider and outcome: `ok`
 * when the provider answered (a declined card is an answer), `error` when the call threw (the provider unreachable,
 * a timeout, a rejected request). Decorates the Payment Module's provider service, through which Medusa makes every
 * such call whichever provider (Stripe, PayPal, offline, Medusa's system provider).
 */
export function instrumentPaymentProviders(paymentModule: unknown): boolean {
  const providers = (paymentModule as { paymentProviderService_?: Record<string, unknown> })?.paymentProviderService_
  if (!providers || instrumented.has(providers)) {
    return Boolean(providers)
  }
  instrumented.add(providers)
  for (const [method, operation] of Object.entries(OPERATIONS)) {
    const original = providers[method]
    if (typeof original !== "function") {
      continue
    }
    const call = (original as ProviderCall).bind(providers)
    providers[method] = async (providerId: string, ...rest: unknown[]) => {
      try {
        const result = await call(providerId, ...rest)
        count(providerId, operation, "ok")
        return result
      } catch (error) {
        count(providerId, operation, "error")
        throw error
      }
    }
  }
  return true
}

function count(provider: string, operation: string, outcome: "ok" | "error"): void {
  if (metricsEnabled()) {
    paymentOperations.inc({ provider: String(provider), operation, outcome })
  }
}
