import crypto from "node:crypto"
import http from "node:http"
import type { AddressInfo } from "node:net"

/**
 * A local stand-in for PayPal's REST API (OAuth2, Orders v2, Payments v2, webhook verification) that keeps
 * state like PayPal, replays answers for a repeated PayPal-Request-Id like PayPal, and checks what it receives:
 * credentials, bearer tokens, a PayPal-Request-Id on every state-changing call, amounts with the currency's
 * decimals. Anything wrong lands in `violations`, which every test expects to stay empty. As at PayPal, a capture
 * of an authorization and a refund of a capture show up in the order's `purchase_units[0].payments`, and answers
 * carry only PayPal's fields (the fake's own bookkeeping — amounts captured and refunded, the owning order — is
 * kept out of them). `requests` records every call in order, so a test can say what PayPal was asked.
 */
export interface Recorded {
  method: string
  path: string
  requestId?: string
  body: any
}

type Fault = { path: RegExp; status?: number; delayMs?: number; afterWork?: boolean }

const ZERO_DECIMAL = new Set(["HUF", "JPY", "TWD"])

export class FakePayPal {
  readonly requests: Recorded[] = []
  readonly violations: string[] = []
  readonly orders = new Map<string, any>()
  readonly authorizations = new Map<string, any>()
  readonly captures = new Map<string, any>()
  readonly refunds = new Map<string, any>()
  private readonly replies = new Map<string, [number, any]>()
  private readonly tokens = new Set<string>()
  private faults: Fault[] = []
  private counter = 0
  private server?: http.Server
  port = 0

  constructor(
    readonly clientId: string,
    readonly clientSecret: string,
    readonly webhookId: string,
    private readonly signingSecret = crypto.randomBytes(16).toString("hex")
  ) {}

  async start(port = 0): Promise<void> {
    this.server = http.createServer((req, res) => void this.handle(req, res))
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve))
    this.port = (this.server.address() as AddressInfo).port
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections()
    await new Promise((resolve) => this.server?.close(resolve))
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  /** The next call whose path matches answers with `status`, or only after `delayMs` (a timeout). */
  fail(fault: Fault): void {
    this.faults.push(fault)
  }

  /** The buyer approves the order in PayPal's window (or their instrument is declined when authorized). */
  approve(orderId: string, options: { declined?: boolean } = {}): void {
    const order = this.orders.get(orderId)
    order.status = "APPROVED"
    order.declined = !!options.declined
  }

  /** Drops faults a test set up but did not trigger, so they cannot leak into the next test. */
  clearFaults(): void {
    this.faults = []
  }

  expireAuthorization(authorizationId: string): void {
    this.authorizations.get(authorizationId).status = "EXPIRED"
  }

  calls(method: string, pattern: RegExp): Recorded[] {
    return this.requests.filter((r) => r.method === method && pattern.test(r.path))
  }

  /** Headers of a genuine webhook delivery for `event` (the fake's verify endpoint accepts exactly these). */
  signWebhook(event: object): Record<string, string> {
    const transmissionId = crypto.randomUUID()
    const transmissionTime = new Date().toISOString()
    return {
      "paypal-auth-algo": "SHA256withRSA",
      "paypal-cert-url": `${this.url}/v1/notifications/certs/CERT-fake`,
      "paypal-transmission-id": transmissionId,
      "paypal-transmission-time": transmissionTime,
      "paypal-transmission-sig": this.signature(transmissionId, transmissionTime, event),
    }
  }

  private signature(id: string, time: string, event: object): string {
    return crypto
      .createHmac("sha256", this.signingSecret)
      .update(`${id}|${time}|${this.webhookId}|${JSON.stringify(event)}`)
      .digest("base64")
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) {
      chunks.push(chunk as Buffer)
    }
    const raw = Buffer.concat(chunks).toString("utf8")
    const path = (req.url ?? "").split("?")[0]
    const method = req.method ?? "GET"
    let body: any = raw
    try {
      body = raw && req.headers["content-type"]?.includes("json") ? JSON.parse(raw) : raw
    } catch {
      this.violations.push(`${method} ${path}: body is not JSON`)
    }
    const requestId = req.headers["paypal-request-id"] as string | undefined
    this.requests.push({ method, path, requestId, body })
    const send = (status: number, payload?: any) => {
      res.writeHead(status, { "content-type": "application/json", "paypal-debug-id": "fake-debug" })
      res.end(payload === undefined ? "" : JSON.stringify(payload))
    }

    if (path === "/v1/oauth2/token") {
      const expected = `Basic ${Buffer.from(`${this.clientId}:${this.clientSecret}`).toString("base64")}`
      if (req.headers.authorization !== expected || raw !== "grant_type=client_credentials") {
        return send(401, { error: "invalid_client", error_description: "Client Authentication failed" })
      }
      const token = `A21AA${crypto.randomBytes(12).toString("hex")}`
      this.tokens.add(token)
      return send(200, { access_token: token, token_type: "Bearer", expires_in: 32400 })
    }
    const bearer = String(req.headers.authorization ?? "").replace(/^Bearer /, "")
    if (!this.tokens.has(bearer)) {
      this.violations.push(`${method} ${path}: no valid bearer token`)
      return send(401, { error: "invalid_token", error_description: "Token signature verification failed" })
    }
    if (raw && !req.headers["content-type"]?.includes("application/json")) {
      this.violations.push(`${method} ${path}: a body without Content-Type: application/json`)
    }
    const stateChanging = method !== "GET" && path !== "/v1/notifications/verify-webhook-signature"
    if (stateChanging && method === "POST" && !requestId) {
      this.violations.push(`${method} ${path}: no PayPal-Request-Id`)
    }

    const fault = this.faults.find((f) => f.path.test(path))
    if (fault) {
      this.faults = this.faults.filter((f) => f !== fault)
      if (fault.delayMs && fault.afterWork) {
        // PayPal does the work but the answer comes too late: the caller times out not knowing.
        const reply = this.answer(method, path, body, requestId)
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs))
        return send(...reply)
      }
      if (fault.delayMs) {
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs))
      }
      if (fault.status) {
        return send(fault.status, {
          name: "INTERNAL_SERVER_ERROR",
          message: "An internal server error occurred.",
          debug_id: "fake-debug",
        })
      }
    }
    return send(...this.answer(method, path, body, requestId))
  }

  /** Replays the first answer for a repeated PayPal-Request-Id, as PayPal does. */
  private answer(method: string, path: string, body: any, requestId?: string): [number, any] {
    const key = requestId ? `${method} ${path} ${requestId}` : undefined
    if (key && this.replies.has(key)) {
      return this.replies.get(key)!
    }
    const reply = this.route(method, path, body)
    if (key) {
      this.replies.set(key, reply)
    }
    return reply
  }

  private route(method: string, path: string, body: any): [number, any] {
    let m: RegExpExecArray | null
    if (method === "POST" && path === "/v2/checkout/orders") {
      return this.createOrder(body)
    }
    if ((m = /^\/v2\/checkout\/orders\/([^/]+)$/.exec(path))) {
      const order = this.orders.get(m[1])
      if (!order) {
        return notFound("RESOURCE_NOT_FOUND", `order ${m[1]}`)
      }
      if (method === "PATCH") {
        const amount = body?.[0]?.value
        const problem = this.checkAmount(amount)
        if (problem) {
          return unprocessable(problem)
        }
        order.purchase_units[0].amount = amount
        return [204, undefined]
      }
      return [200, this.view(order)]
    }
    if (method === "POST" && (m = /^\/v2\/checkout\/orders\/([^/]+)\/(authorize|capture)$/.exec(path))) {
      return this.completeOrder(m[1], m[2] as "authorize" | "capture")
    }
    if (method === "POST" && (m = /^\/v2\/payments\/authorizations\/([^/]+)\/(capture|void)$/.exec(path))) {
      return m[2] === "capture" ? this.captureAuthorization(m[1], body) : this.voidAuthorization(m[1])
    }
    if (method === "POST" && (m = /^\/v2\/payments\/captures\/([^/]+)\/refund$/.exec(path))) {
      return this.refund(m[1], body)
    }
    if (method === "POST" && path === "/v1/notifications/verify-webhook-signature") {
      const genuine =
        body.webhook_id === this.webhookId &&
        body.transmission_sig === this.signature(body.transmission_id, body.transmission_time, body.webhook_event)
      return [200, { verification_status: genuine ? "SUCCESS" : "FAILURE" }]
    }
    this.violations.push(`${method} ${path}: not a PayPal endpoint`)
    return notFound("NOT_FOUND", path)
  }

  private checkAmount(amount: any): string | undefined {
    if (!amount?.currency_code || typeof amount.value !== "string") {
      return "MISSING_REQUIRED_PARAMETER"
    }
    const decimals = ZERO_DECIMAL.has(amount.currency_code) ? 0 : 2
    const pattern = decimals ? /^\d+\.\d{2}$/ : /^\d+$/
    if (!pattern.test(amount.value)) {
      this.violations.push(`amount ${amount.value} ${amount.currency_code} does not have ${decimals} decimals`)
      return "DECIMAL_PRECISION"
    }
    return undefined
  }

  private createOrder(body: any): [number, any] {
    const unit = body?.purchase_units?.[0]
    const problem =
      this.checkAmount(unit?.amount) ??
      (["AUTHORIZE", "CAPTURE"].includes(body?.intent) ? undefined : "INVALID_PARAMETER_VALUE")
    if (problem) {
      return unprocessable(problem)
    }
    const id = `5O${String(++this.counter).padStart(6, "0")}FAKE`
    const order = {
      id,
      intent: body.intent,
      status: "CREATED",
      purchase_units: [{ reference_id: "default", custom_id: unit.custom_id, amount: unit.amount, payments: {} }],
      declined: false,
    }
    this.orders.set(id, order)
    return [201, this.view(order)]
  }

  private completeOrder(orderId: string, action: "authorize" | "capture"): [number, any] {
    const order = this.orders.get(orderId)
    if (!order) {
      return notFound("RESOURCE_NOT_FOUND", `order ${orderId}`)
    }
    if ((action === "authorize") !== (order.intent === "AUTHORIZE")) {
      return unprocessable(`ACTION_DOES_NOT_MATCH_INTENT`)
    }
    if (order.status === "COMPLETED") {
      return unprocessable("ORDER_ALREADY_" + (action === "authorize" ? "AUTHORIZED" : "CAPTURED"))
    }
    if (order.status !== "APPROVED") {
      return unprocessable("ORDER_NOT_APPROVED")
    }
    if (order.declined) {
      return unprocessable("INSTRUMENT_DECLINED")
    }
    const unit = order.purchase_units[0]
    if (action === "authorize") {
      const authorization = {
        id: `AUTH${++this.counter}`,
        status: "CREATED",
        amount: unit.amount,
        expiration_time: new Date(Date.now() + 29 * 86400_000).toISOString(),
        captured: 0,
        orderId,
      }
      this.authorizations.set(authorization.id, authorization)
      unit.payments.authorizations = [authorization]
    } else {
      const capture = {
        id: `CAP${++this.counter}`,
        status: "COMPLETED",
        amount: unit.amount,
        custom_id: unit.custom_id,
        final_capture: true,
        refunded: 0,
        orderId,
      }
      this.captures.set(capture.id, capture)
      unit.payments.captures = [capture]
    }
    order.status = "COMPLETED"
    return [201, this.view(order)]
  }

  private captureAuthorization(authorizationId: string, body: any): [number, any] {
    const authorization = this.authorizations.get(authorizationId)
    if (!authorization) {
      return notFound("RESOURCE_NOT_FOUND", `authorization ${authorizationId}`)
    }
    if (authorization.status === "EXPIRED") {
      return unprocessable("AUTHORIZATION_EXPIRED")
    }
    if (authorization.status === "VOIDED" || authorization.status === "CAPTURED") {
      return unprocessable(
        authorization.status === "VOIDED" ? "AUTHORIZATION_VOIDED" : "AUTHORIZATION_ALREADY_CAPTURED"
      )
    }
    const amount = body?.amount ?? authorization.amount
    const problem = this.checkAmount(amount)
    if (problem) {
      return unprocessable(problem)
    }
    const remaining = Number(authorization.amount.value) - authorization.captured
    if (Number(amount.value) > remaining + 1e-9) {
      return unprocessable("MAX_CAPTURE_AMOUNT_EXCEEDED")
    }
    authorization.captured += Number(amount.value)
    authorization.status =
      body?.final_capture || authorization.captured >= Number(authorization.amount.value)
        ? "CAPTURED"
        : "PARTIALLY_CAPTURED"
    const unit = this.orders.get(authorization.orderId).purchase_units[0]
    const capture = {
      id: `CAP${++this.counter}`,
      status: "COMPLETED",
      amount,
      custom_id: unit.custom_id,
      final_capture: !!body?.final_capture,
      refunded: 0,
      orderId: authorization.orderId,
    }
    this.captures.set(capture.id, capture)
    unit.payments.captures = [...(unit.payments.captures ?? []), capture]
    return [201, publicView(capture)]
  }

  private voidAuthorization(authorizationId: string): [number, any] {
    const authorization = this.authorizations.get(authorizationId)
    if (!authorization) {
      return notFound("RESOURCE_NOT_FOUND", `authorization ${authorizationId}`)
    }
    if (authorization.status !== "CREATED") {
      return unprocessable("CANNOT_BE_VOIDED")
    }
    authorization.status = "VOIDED"
    return [204, undefined]
  }

  private refund(captureId: string, body: any): [number, any] {
    const capture = this.captures.get(captureId)
    if (!capture) {
      return notFound("RESOURCE_NOT_FOUND", `capture ${captureId}`)
    }
    const amount = body?.amount ?? capture.amount
    const problem = this.checkAmount(amount)
    if (problem) {
      return unprocessable(problem)
    }
    if (Number(amount.value) > Number(capture.amount.value) - capture.refunded + 1e-9) {
      return unprocessable("REFUND_AMOUNT_EXCEEDED")
    }
    capture.refunded += Number(amount.value)
    capture.status = capture.refunded >= Number(capture.amount.value) ? "REFUNDED" : "PARTIALLY_REFUNDED"
    const refund = { id: `REF${++this.counter}`, status: "COMPLETED", amount }
    this.refunds.set(refund.id, refund)
    const unit = this.orders.get(capture.orderId)?.purchase_units[0]
    if (unit) {
      unit.payments.refunds = [...(unit.payments.refunds ?? []), refund]
    }
    return [201, refund]
  }

  private view(order: any): any {
    const rest = publicView(order)
    const units = rest.purchase_units.map(({ payments, ...unit }: any) =>
      // PayPal shows `payments` once the order has been authorized or captured.
      Object.keys(payments ?? {}).length ? { ...unit, payments } : unit
    )
    return {
      ...rest,
      purchase_units: units,
      links: [
        { href: `${this.url}/v2/checkout/orders/${order.id}`, rel: "self", method: "GET" },
        { href: `https://www.sandbox.paypal.com/checkoutnow?token=${order.id}`, rel: "approve", method: "GET" },
      ],
    }
  }
}

/** The fake's bookkeeping fields, which PayPal's objects do not have. */
const INTERNAL = new Set(["captured", "refunded", "orderId", "declined"])

/** A deep copy without the fake's bookkeeping: what PayPal would answer. */
function publicView(value: any): any {
  if (Array.isArray(value)) {
    return value.map(publicView)
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !INTERNAL.has(key))
        .map(([key, v]) => [key, publicView(v)])
    )
  }
  return value
}

function unprocessable(issue: string): [number, any] {
  return [
    422,
    {
      name: "UNPROCESSABLE_ENTITY",
      message: "The requested action could not be performed.",
      details: [{ issue }],
      debug_id: "fake-debug",
    },
  ]
}

function notFound(issue: string, what: string): [number, any] {
  return [
    404,
    {
      name: "RESOURCE_NOT_FOUND",
      message: `The specified resource does not exist: ${what}.`,
      details: [{ issue }],
      debug_id: "fake-debug",
    },
  ]
}
