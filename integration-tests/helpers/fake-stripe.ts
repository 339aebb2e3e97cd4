import nock from "nock"
import path from "node:path"

/**
 * Stripe's API as nock interceptors, answering with objects shaped like Stripe's documented PaymentIntent and
 * Refund, keeping their state, replaying answers for a repeated Idempotency-Key as Stripe does, and recording
 * every request so tests can assert on what the provider sent. Nothing reaches Stripe.
 */
export interface StripeRequest {
  method: string
  path: string
  body: URLSearchParams
  idempotencyKey?: string
}

/** The Stripe SDK that @medusajs/payment-stripe itself uses (its own copy), for signing test webhooks. */
export function stripeSdk(): any {
  const providerDir = path.dirname(require.resolve("@medusajs/payment-stripe/package.json"))
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the copy found from the provider's folder
  const Stripe = require(require.resolve("stripe", { paths: [providerDir] }))
  return new Stripe("sk_test_tienda")
}

export function signedWebhook(event: object, secret: string): { body: string; signature: string } {
  const body = JSON.stringify(event)
  return { body, signature: stripeSdk().webhooks.generateTestHeaderString({ payload: body, secret }) }
}

export function paymentIntentEvent(type: string, intent: any) {
  return {
    id: `evt_${Math.random().toString(36).slice(2, 12)}`,
    object: "event",
    api_version: "2024-04-10",
    created: Math.floor(Date.now() / 1000),
    type,
    data: { object: intent },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
  }
}

export class FakeStripe {
  readonly intents = new Map<string, any>()
  readonly refunds: any[] = []
  readonly requests: StripeRequest[] = []
  /** The next `times` requests whose path matches answer with this HTTP error (the SDK retries some calls). */
  failNext: { path: RegExp; status: number; times: number } | null = null
  private readonly replies = new Map<string, [number, any]>()
  private counter = 0

  constructor() {
    nock.disableNetConnect()
    nock.enableNetConnect(/localhost|127\.0\.0\.1/)
    const scope = nock("https://api.stripe.com").persist()
    const route = (
      interceptor: nock.Interceptor,
      method: string,
      answer: (uri: string, body: any) => [number, any]
    ) => {
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- nock passes the request as the reply's `this`
      const fake = this
      interceptor.reply(function (this: any, uri: string, body: any) {
        return fake.handle(method, uri, body, this.req.headers["idempotency-key"], () => answer(uri, body))
      })
    }
    route(scope.post("/v1/payment_intents"), "POST", (uri, body) => this.create(body))
    route(scope.get(/^\/v1\/payment_intents\/pi_\w+(\?.*)?$/), "GET", (uri) => this.found(this.idOf(uri)))
    route(scope.post(/^\/v1\/payment_intents\/pi_\w+\/capture$/), "POST", (uri) => this.capture(this.idOf(uri)))
    route(scope.post(/^\/v1\/payment_intents\/pi_\w+\/cancel$/), "POST", (uri) => this.cancel(this.idOf(uri)))
    route(scope.post(/^\/v1\/payment_intents\/pi_\w+$/), "POST", (uri, body) => this.update(this.idOf(uri), body))
    route(scope.post("/v1/refunds"), "POST", (uri, body) => this.refund(body))
  }

  stop(): void {
    nock.cleanAll()
    nock.enableNetConnect()
  }

  /** What the customer's browser does with Stripe.js (confirm the card): the intent becomes capturable or paid. */
  confirm(id: string, outcome: "requires_capture" | "succeeded" | "declined"): any {
    const intent = this.intents.get(id)
    if (outcome === "declined") {
      intent.status = "requires_payment_method"
      intent.last_payment_error = {
        code: "card_declined",
        decline_code: "insufficient_funds",
        message: "Your card has insufficient funds.",
        type: "card_error",
      }
    } else {
      intent.status = outcome
      intent.amount_capturable = outcome === "requires_capture" ? intent.amount : 0
      intent.amount_received = outcome === "succeeded" ? intent.amount : 0
    }
    return { ...intent }
  }

  calls(method: string, pathPrefix: string): StripeRequest[] {
    return this.requests.filter((r) => r.method === method && r.path.startsWith(pathPrefix))
  }

  private handle(
    method: string,
    uri: string,
    rawBody: any,
    key: string | string[] | undefined,
    answer: () => [number, any]
  ): [number, any] {
    const body = new URLSearchParams(typeof rawBody === "string" ? rawBody : "")
    const idempotencyKey = Array.isArray(key) ? key[0] : key
    this.requests.push({ method, path: uri, body, idempotencyKey })
    if (this.failNext && this.failNext.path.test(uri)) {
      const status = this.failNext.status
      if (--this.failNext.times <= 0) {
        this.failNext = null
      }
      return [status, { error: { type: "api_error", message: "An unknown error occurred (fake Stripe)." } }]
    }
    // Stripe answers a repeated Idempotency-Key with the first answer, without doing the work again.
    const replayKey = idempotencyKey ? `${method} ${uri.split("?")[0]} ${idempotencyKey}` : undefined
    if (replayKey && this.replies.has(replayKey)) {
      return this.replies.get(replayKey)!
    }
    const reply = answer()
    if (replayKey) {
      this.replies.set(replayKey, reply)
    }
    return reply
  }

  private idOf(uri: string): string {
    return /pi_\w+/.exec(uri)![0]
  }

  private found(id: string): [number, any] {
    const intent = this.intents.get(id)
    return intent
      ? [200, { ...intent }]
      : [
          404,
          {
            error: {
              type: "invalid_request_error",
              code: "resource_missing",
              message: `No such payment_intent: '${id}'`,
            },
          },
        ]
  }

  private create(body: any): [number, any] {
    const params = new URLSearchParams(body)
    const id = `pi_fake${++this.counter}`
    const metadata: Record<string, string> = {}
    for (const [key, value] of params) {
      const match = /^metadata\[(.+)\]$/.exec(key)
      if (match) {
        metadata[match[1]] = value
      }
    }
    const intent = {
      id,
      object: "payment_intent",
      amount: Number(params.get("amount")),
      amount_capturable: 0,
      amount_received: 0,
      currency: params.get("currency"),
      capture_method: params.get("capture_method") ?? "automatic",
      client_secret: `${id}_secret_fake`,
      created: Math.floor(Date.now() / 1000),
      customer: params.get("customer"),
      description: params.get("description"),
      last_payment_error: null,
      livemode: false,
      metadata,
      next_action: null,
      payment_method: null,
      payment_method_types: ["card"],
      status: "requires_payment_method",
    }
    this.intents.set(id, intent)
    return [200, { ...intent }]
  }

  private capture(id: string): [number, any] {
    const intent = this.intents.get(id)
    if (!intent) {
      return this.found(id)
    }
    if (intent.status !== "requires_capture") {
      return [
        400,
        {
          error: {
            type: "invalid_request_error",
            code: "payment_intent_unexpected_state",
            message: `This PaymentIntent could not be captured because it has a status of ${intent.status}.`,
            payment_intent: { ...intent },
          },
        },
      ]
    }
    intent.status = "succeeded"
    intent.amount_received = intent.amount_capturable
    intent.amount_capturable = 0
    return [200, { ...intent }]
  }

  private cancel(id: string): [number, any] {
    const intent = this.intents.get(id)
    if (!intent) {
      return this.found(id)
    }
    intent.status = "canceled"
    return [200, { ...intent }]
  }

  private update(id: string, body: any): [number, any] {
    const intent = this.intents.get(id)
    if (!intent) {
      return this.found(id)
    }
    const params = new URLSearchParams(body)
    if (params.get("amount")) {
      intent.amount = Number(params.get("amount"))
    }
    return [200, { ...intent }]
  }

  private refund(body: any): [number, any] {
    const params = new URLSearchParams(body)
    const intent = this.intents.get(params.get("payment_intent") ?? "")
    const amount = Number(params.get("amount"))
    const refunded = this.refunds.filter((r) => r.payment_intent === intent?.id).reduce((sum, r) => sum + r.amount, 0)
    if (!intent || amount + refunded > intent.amount_received) {
      return [
        400,
        {
          error: {
            type: "invalid_request_error",
            code: "amount_too_large",
            message: "Refund amount is greater than unrefunded amount on charge.",
          },
        },
      ]
    }
    const refund = {
      id: `re_fake${++this.counter}`,
      object: "refund",
      amount,
      currency: intent.currency,
      payment_intent: intent.id,
      status: "succeeded",
    }
    this.refunds.push(refund)
    return [200, refund]
  }
}
