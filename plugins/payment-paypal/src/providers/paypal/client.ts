import type { ResolvedPayPalOptions } from "../../utils/options"
import type { PayPalCapture, PayPalMoney, PayPalOrder, PayPalRefund, PayPalWebhookEvent } from "./types"

/** A failed PayPal call: HTTP status (0 when PayPal did not answer), PayPal's error name and issue codes. */
export class PayPalApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errorName?: string,
    readonly issues: string[] = [],
    readonly debugId?: string
  ) {
    super(message)
  }

  /** PayPal did not answer (timeout, connection refused) or answered 5xx: the outcome is unknown. */
  get unavailable(): boolean {
    return this.status === 0 || this.status >= 500
  }

  has(issue: string): boolean {
    return this.issues.includes(issue) || this.errorName === issue
  }
}

interface RequestOptions {
  body?: unknown
  /** PayPal-Request-Id: PayPal answers a repeated id with the first result instead of acting twice. */
  requestId?: string
}

/**
 * PayPal's REST API (OAuth2 client credentials, Orders v2, Payments v2, webhook verification) over fetch. The
 * one place PayPal's HTTP errors become PayPalApiError; the service decides what they mean for Medusa.
 */
export class PayPalClient {
  private token: { value: string; expiresAt: number } | undefined

  constructor(private readonly options: ResolvedPayPalOptions) {}

  createOrder(body: Record<string, unknown>, requestId: string): Promise<PayPalOrder> {
    return this.request("POST", "/v2/checkout/orders", { body, requestId })
  }

  getOrder(orderId: string): Promise<PayPalOrder> {
    return this.request("GET", `/v2/checkout/orders/${encodeURIComponent(orderId)}`)
  }

  async updateOrderAmount(orderId: string, amount: PayPalMoney): Promise<void> {
    await this.request("PATCH", `/v2/checkout/orders/${encodeURIComponent(orderId)}`, {
      body: [{ op: "replace", path: "/purchase_units/@reference_id=='default'/amount", value: amount }],
    })
  }

  authorizeOrder(orderId: string, requestId: string): Promise<PayPalOrder> {
    return this.request("POST", `/v2/checkout/orders/${encodeURIComponent(orderId)}/authorize`, { body: {}, requestId })
  }

  captureOrder(orderId: string, requestId: string): Promise<PayPalOrder> {
    return this.request("POST", `/v2/checkout/orders/${encodeURIComponent(orderId)}/capture`, { body: {}, requestId })
  }

  captureAuthorization(
    authorizationId: string,
    body: { amount?: PayPalMoney; final_capture: boolean },
    requestId: string
  ): Promise<PayPalCapture> {
    return this.request("POST", `/v2/payments/authorizations/${encodeURIComponent(authorizationId)}/capture`, {
      body,
      requestId,
    })
  }

  async voidAuthorization(authorizationId: string, requestId: string): Promise<void> {
    await this.request("POST", `/v2/payments/authorizations/${encodeURIComponent(authorizationId)}/void`, { requestId })
  }

  refundCapture(captureId: string, amount: PayPalMoney, requestId: string): Promise<PayPalRefund> {
    return this.request("POST", `/v2/payments/captures/${encodeURIComponent(captureId)}/refund`, {
      body: { amount },
      requestId,
    })
  }

  /** Asks PayPal whether a webhook delivery is genuine (its signature, certificate and our webhook id). */
  async verifyWebhookSignature(
    headers: Record<string, string | string[] | undefined>,
    event: PayPalWebhookEvent,
    webhookId: string
  ): Promise<boolean> {
    const header = (name: string) => {
      const value = headers[name]
      return Array.isArray(value) ? value[0] : value
    }
    const result = await this.request<{ verification_status: string }>(
      "POST",
      "/v1/notifications/verify-webhook-signature",
      {
        body: {
          auth_algo: header("paypal-auth-algo"),
          cert_url: header("paypal-cert-url"),
          transmission_id: header("paypal-transmission-id"),
          transmission_sig: header("paypal-transmission-sig"),
          transmission_time: header("paypal-transmission-time"),
          webhook_id: webhookId,
          webhook_event: event,
        },
      }
    )
    return result.verification_status === "SUCCESS"
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now() + 60_000) {
      return this.token.value
    }
    const basic = Buffer.from(`${this.options.clientId}:${this.options.clientSecret}`).toString("base64")
    const response = await this.send(`${this.options.baseUrl}/v1/oauth2/token`, {
      method: "POST",
      headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials",
    })
    const body = await this.parse(response, "POST /v1/oauth2/token")
    this.token = { value: body.access_token, expiresAt: Date.now() + Number(body.expires_in ?? 0) * 1000 }
    return this.token.value
  }

  private async request<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${await this.accessToken()}`,
      "content-type": "application/json",
      prefer: "return=representation",
    }
    if (options.requestId) {
      headers["paypal-request-id"] = options.requestId
    }
    const response = await this.send(`${this.options.baseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
    if (response.status === 401) {
      this.token = undefined
    }
    return this.parse(response, `${method} ${path}`)
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(this.options.timeoutMs) })
    } catch (error) {
      const timedOut = (error as Error).name === "TimeoutError"
      throw new PayPalApiError(
        timedOut
          ? `PayPal did not answer within ${this.options.timeoutMs} ms`
          : `PayPal could not be reached: ${(error as Error).message}`,
        0
      )
    }
  }

  private async parse(response: Response, what: string): Promise<any> {
    const text = await response.text()
    let body: any = {}
    try {
      body = text ? JSON.parse(text) : {}
    } catch {
      body = { message: text.slice(0, 200) }
    }
    if (!response.ok) {
      const issues = (body.details ?? []).map((detail: { issue?: string }) => detail.issue).filter(Boolean)
      const name = body.name ?? body.error
      const message = body.message ?? body.error_description ?? `HTTP ${response.status}`
      throw new PayPalApiError(
        `PayPal ${what} failed: ${name ? `${name}: ` : ""}${message}${issues.length ? ` (${issues.join(", ")})` : ""}`,
        response.status,
        name,
        issues,
        body.debug_id
      )
    }
    return body
  }
}
