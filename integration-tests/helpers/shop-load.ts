import { MADRID_ADDRESS } from "./store"

/**
 * A bounded mixed load for fault tests: browsers reading the catalog and shoppers checking out as guests, each
 * shopper one cart at a time. A shopper whose completion fails with a 5xx, a dropped connection or a 409 "busy"
 * sends the same completion again (what a storefront's retry does) until it gets an order or a definite refusal,
 * so "told it succeeded" and "left with a charge and no order" can be checked afterwards against the database.
 */
export interface RequestSample {
  at: number
  ms: number
  method: string
  route: string
  /** The HTTP status, or 0 when no answer came (connection refused or reset, timeout). */
  status: number
  retryAfter?: string
  error?: string
}

export interface LoadReport {
  samples: RequestSample[]
  /** cart id → order id, for every completion answered with an order. */
  acknowledged: Map<string, string>
  /** Carts whose completion got a definite non-order answer (4xx, or 200 with the cart), with what it said. */
  refused: { cartId: string; status: number; message: string }[]
  /** Carts whose completion never got a definite answer (each with the last answer it got). */
  unresolved: string[]
  /** Carts abandoned before completion because a step failed. */
  abandoned: number
}

export interface LoadOptions {
  base: string
  publishableKey: string
  regionId: string
  variantIds: string[]
  productIds: string[]
  shoppers: number
  browsers: number
  /** Email of shopper n's k-th cart (unique, so emails and orders can be matched). */
  tag: string
  requestTimeoutMs?: number
}

export class ShopLoad {
  private running = false
  private readonly report: LoadReport = {
    samples: [],
    acknowledged: new Map(),
    refused: [],
    unresolved: [],
    abandoned: 0,
  }
  private loops: Promise<void>[] = []

  constructor(private readonly options: LoadOptions) {}

  start(): this {
    this.running = true
    for (let n = 0; n < this.options.shoppers; n++) {
      this.loops.push(this.shopper(n))
    }
    for (let n = 0; n < this.options.browsers; n++) {
      this.loops.push(this.browser(n))
    }
    return this
  }

  /** Stops starting new work, waits for the carts in flight to be completed (or given up on), and reports. */
  async stop(): Promise<LoadReport> {
    this.running = false
    await Promise.all(this.loops)
    return this.report
  }

  get samples(): RequestSample[] {
    return this.report.samples
  }

  get orders(): number {
    return this.report.acknowledged.size
  }

  private async shopper(n: number): Promise<void> {
    for (let k = 0; this.running; k++) {
      const cartId = await this.readyCart(`${this.options.tag}-${n}-${k}@example.com`, n + k)
      if (!cartId) {
        this.report.abandoned++
        await pause(500)
        continue
      }
      await this.complete(cartId)
    }
  }

  private async readyCart(email: string, pick: number): Promise<string | undefined> {
    const variantId = this.options.variantIds[pick % this.options.variantIds.length]
    const created = await this.call("POST", "/store/carts", "/store/carts", {
      region_id: this.options.regionId,
      email,
      items: [{ variant_id: variantId, quantity: 1 }],
      shipping_address: MADRID_ADDRESS,
      billing_address: MADRID_ADDRESS,
    })
    const cartId: string | undefined = created.data?.cart?.id
    if (!cartId) {
      return undefined
    }
    const options = await this.call("GET", `/store/shipping-options?cart_id=${cartId}`, "/store/shipping-options")
    const optionId = options.data?.shipping_options?.[0]?.id
    if (!optionId) {
      return undefined
    }
    const method = await this.call(
      "POST",
      `/store/carts/${cartId}/shipping-methods`,
      "/store/carts/:id/shipping-methods",
      {
        option_id: optionId,
      }
    )
    if (method.status !== 200) {
      return undefined
    }
    const collection = await this.call("POST", "/store/payment-collections", "/store/payment-collections", {
      cart_id: cartId,
    })
    const collectionId = collection.data?.payment_collection?.id
    if (!collectionId) {
      return undefined
    }
    const session = await this.call(
      "POST",
      `/store/payment-collections/${collectionId}/payment-sessions`,
      "/store/payment-collections/:id/payment-sessions",
      { provider_id: "pp_system_default" }
    )
    return session.status === 200 ? cartId : undefined
  }

  /**
   * Sends the completion until it is answered with an order or refused for good. At most 3 minutes: a completion cut
   * off by a killed process leaves Medusa's lock on the cart for two minutes before a retry can finish it.
   */
  private async complete(cartId: string): Promise<void> {
    const giveUpAt = Date.now() + 180_000
    let last = ""
    while (Date.now() < giveUpAt) {
      const { status, data, retryAfter } = await this.call(
        "POST",
        `/store/carts/${cartId}/complete`,
        "/store/carts/:id/complete",
        {}
      )
      if (status === 200 && data?.type === "order") {
        this.report.acknowledged.set(cartId, data.order.id)
        return
      }
      last = `${status} ${String(data?.message ?? "")}`
      const retry = status === 0 || status >= 500 || status === 409 || status === 429
      if (!retry) {
        this.report.refused.push({ cartId, status, message: String(data?.error?.message ?? data?.message ?? "") })
        return
      }
      await pause(Math.min(5_000, Number(retryAfter ?? 1) * 1000))
    }
    this.report.unresolved.push(`${cartId} (last answer: ${last})`)
  }

  private async browser(n: number): Promise<void> {
    const { regionId, productIds } = this.options
    for (let k = n; this.running; k++) {
      const productId = productIds[k % productIds.length]
      const reads: [string, string][] = [
        [`/store/products?limit=12&offset=${(k * 12) % 36}&region_id=${regionId}`, "/store/products"],
        [`/store/products/${productId}?region_id=${regionId}`, "/store/products/:id"],
        ["/store/product-categories?limit=20", "/store/product-categories"],
        ["/store/regions", "/store/regions"],
      ]
      const [url, route] = reads[k % reads.length]
      await this.call("GET", url, route)
    }
  }

  private async call(method: string, url: string, route: string, body?: unknown) {
    const at = Date.now()
    try {
      const response = await fetch(`${this.options.base}${url}`, {
        method,
        headers: { "content-type": "application/json", "x-publishable-api-key": this.options.publishableKey },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 60_000),
      })
      const text = await response.text()
      const retryAfter = response.headers.get("retry-after") ?? undefined
      this.report.samples.push({ at, ms: Date.now() - at, method, route, status: response.status, retryAfter })
      let data: any = null
      try {
        data = JSON.parse(text)
      } catch {
        // not JSON: an answer from something other than the shop
      }
      return { status: response.status, data, retryAfter }
    } catch (error) {
      const reason = String((error as { cause?: unknown }).cause ?? error)
      this.report.samples.push({ at, ms: Date.now() - at, method, route, status: 0, error: reason })
      return { status: 0, data: null, retryAfter: undefined }
    }
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Counts of samples by status within [from, to), for reports. */
export function statusCounts(samples: RequestSample[], from = 0, to = Infinity): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const sample of samples) {
    if (sample.at >= from && sample.at < to) {
      const key = sample.status === 0 ? "no answer" : String(sample.status)
      counts[key] = (counts[key] ?? 0) + 1
    }
  }
  return counts
}
