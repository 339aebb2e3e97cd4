import { MedusaError } from "@medusajs/framework/utils"

export interface PayPalOptions {
  /** REST app client id (PayPal developer dashboard → Apps & Credentials). Required. */
  clientId: string
  /** REST app secret. Required. */
  clientSecret: string
  /**
   * Which PayPal to talk to.
   * @default "sandbox"
   */
  environment?: "sandbox" | "live"
  /**
   * Id of the webhook registered in PayPal for `/hooks/payment/paypal_paypal`; incoming events are verified
   * against it with PayPal's verify-webhook-signature API. Without it every webhook is rejected.
   * @default undefined
   */
  webhookId?: string
  /**
   * "authorize": the order is authorized at checkout and captured from the admin; "capture": money is taken at
   * checkout.
   * @default "authorize"
   */
  intent?: "authorize" | "capture"
  /**
   * Another server speaking PayPal's REST API (a staging proxy, the tests' fake PayPal). Overrides `environment`.
   * @default undefined
   */
  apiBaseUrl?: string
  /**
   * Milliseconds to wait for PayPal before giving up on a call.
   * @default 15000
   */
  timeoutMs?: number
  /**
   * Brand name PayPal shows the buyer on its approval page.
   * @default undefined
   */
  brandName?: string
}

export const BASE_URLS = { sandbox: "https://api-m.sandbox.paypal.com", live: "https://api-m.paypal.com" }

export type ResolvedPayPalOptions = Required<
  Pick<PayPalOptions, "clientId" | "clientSecret" | "environment" | "intent" | "timeoutMs">
> &
  PayPalOptions & { baseUrl: string }

/** Validated once at boot; the message names every problem. */
export function resolvePayPalOptions(options: Partial<PayPalOptions> | undefined): ResolvedPayPalOptions {
  const o = options ?? {}
  const problems: string[] = []
  if (!o.clientId) {
    problems.push("clientId is required (PAYPAL_CLIENT_ID)")
  }
  if (!o.clientSecret) {
    problems.push("clientSecret is required (PAYPAL_CLIENT_SECRET)")
  }
  const environment = o.environment ?? "sandbox"
  if (environment !== "sandbox" && environment !== "live") {
    problems.push(`environment must be "sandbox" or "live" (got ${JSON.stringify(environment)})`)
  }
  const intent = o.intent ?? "authorize"
  if (intent !== "authorize" && intent !== "capture") {
    problems.push(`intent must be "authorize" or "capture" (got ${JSON.stringify(intent)})`)
  }
  if (o.apiBaseUrl && !/^https?:\/\/[^\s]+$/.test(o.apiBaseUrl)) {
    problems.push(`apiBaseUrl must be an http(s) URL (got "${o.apiBaseUrl}")`)
  }
  const timeoutMs = o.timeoutMs ?? 15_000
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
    problems.push(`timeoutMs must be a positive whole number (got ${timeoutMs})`)
  }
  if (environment === "live" && !o.webhookId) {
    problems.push("webhookId is required in live mode (PAYPAL_WEBHOOK_ID): unverified webhooks would be ignored")
  }
  if (problems.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `@tienda/payment-paypal options: ${problems.join("; ")}`)
  }
  const baseUrl = (o.apiBaseUrl || BASE_URLS[environment]).replace(/\/+$/, "")
  return { ...o, clientId: o.clientId!, clientSecret: o.clientSecret!, environment, intent, timeoutMs, baseUrl }
}
