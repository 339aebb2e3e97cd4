import type { AddressInfo } from "node:net"
import http from "node:http"
import express from "express"
import { CheckoutLine, type Place } from "../checkout-line"
import { checkoutLineStats, queueCheckout } from "../checkout-queue"
import { resetSettings } from "../../../lib/settings"

const limits = { concurrency: 2, maxWaiting: 2, perAddress: 2 }
const placeOf = (joined: Place | string): Place => {
  if (typeof joined === "string") throw new Error(`refused: ${joined}`)
  return joined
}

describe("the checkout line", () => {
  it("runs `concurrency` at once, lets the next in when one leaves, in order", async () => {
    const line = new CheckoutLine(() => limits)
    const a = placeOf(line.join("cart_a", "1.1.1.1"))
    const b = placeOf(line.join("cart_b", "2.2.2.2"))
    const c = placeOf(line.join("cart_c", "3.3.3.3"))
    const d = placeOf(line.join("cart_d", "4.4.4.4"))
    expect([a.running, b.running, c.running, d.running]).toEqual([true, true, false, false])
    expect(line.stats).toEqual({ running: 2, waiting: 2 })
    a.leave()
    a.leave()
    await c.turn
    expect([c.running, d.running]).toEqual([true, false])
    expect(line.stats).toEqual({ running: 2, waiting: 1 })
  })

  it("completes one cart at most once at a time", () => {
    const line = new CheckoutLine(() => limits)
    const first = placeOf(line.join("cart_a", "1.1.1.1"))
    expect(line.join("cart_a", "9.9.9.9")).toBe("cart_busy")
    first.leave()
    expect(typeof line.join("cart_a", "9.9.9.9")).toBe("object")
  })

  it("bounds the places one address holds and the length of the line", () => {
    const line = new CheckoutLine(() => limits)
    placeOf(line.join("c1", "6.6.6.6"))
    placeOf(line.join("c2", "6.6.6.6"))
    expect(line.join("c3", "6.6.6.6")).toBe("address_busy")
    placeOf(line.join("c4", "7.7.7.7"))
    placeOf(line.join("c5", "8.8.8.8"))
    expect(line.join("c6", "5.5.5.5")).toBe("line_full")
  })

  it("forgets a waiter who leaves before its turn", async () => {
    const line = new CheckoutLine(() => limits)
    const a = placeOf(line.join("c1", "1.1.1.1"))
    placeOf(line.join("c2", "2.2.2.2"))
    const gone = placeOf(line.join("c3", "3.3.3.3"))
    const next = placeOf(line.join("c4", "4.4.4.4"))
    gone.leave()
    expect(line.stats.waiting).toBe(1)
    a.leave()
    await next.turn
    expect(gone.running).toBe(false)
    expect(typeof line.join("c3", "3.3.3.3")).toBe("object")
  })
})

describe("queueCheckout on a real HTTP route", () => {
  let server: http.Server
  let base: string
  const release: Array<() => void> = []

  beforeAll(async () => {
    process.env.TIENDA_CHECKOUT_CONCURRENCY = "1"
    process.env.TIENDA_CHECKOUT_PER_ADDRESS = "10"
    resetSettings()
    const app = express()
    // A read body leaves `req.destroyed` true: the line must not take that for a caller who hung up.
    app.use(express.json())
    app.post("/store/carts/:id/complete", queueCheckout as any, (_req, res) => {
      release.push(() => res.json({ ok: true }))
    })
    server = app.listen(0)
    await new Promise((resolve) => server.once("listening", resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    delete process.env.TIENDA_CHECKOUT_CONCURRENCY
    delete process.env.TIENDA_CHECKOUT_PER_ADDRESS
    resetSettings()
    await new Promise((resolve) => server.close(resolve))
  })

  const post = { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10))
    expect(check()).toBe(true)
  }

  it("lets a waiter who hung up leave the line, and refuses a second completion of the same cart with Retry-After", async () => {
    const first = fetch(`${base}/store/carts/cart_1/complete`, post)
    await until(() => checkoutLineStats().running === 1)
    const again = await fetch(`${base}/store/carts/cart_1/complete`, post)
    expect(again.status).toBe(409)
    expect(again.headers.get("retry-after")).toBe("2")

    const abort = new AbortController()
    const waiter = fetch(`${base}/store/carts/cart_2/complete`, { ...post, signal: abort.signal }).catch(
      () => "aborted"
    )
    await until(() => checkoutLineStats().waiting === 1)
    abort.abort()
    expect(await waiter).toBe("aborted")
    await until(() => checkoutLineStats().waiting === 0)

    release.shift()!()
    expect((await first).status).toBe(200)
    await until(() => checkoutLineStats().running === 0)
    // the one who left never ran
    expect(release).toHaveLength(0)
  })

  it("keeps the place of a running completion whose caller hung up until the route answers", async () => {
    const abort = new AbortController()
    const running = fetch(`${base}/store/carts/cart_3/complete`, { ...post, signal: abort.signal }).catch(
      () => "aborted"
    )
    await until(() => checkoutLineStats().running === 1 && release.length === 1)
    abort.abort()
    expect(await running).toBe("aborted")
    await new Promise((resolve) => setTimeout(resolve, 100))
    // still running: the same cart is refused, and a new completion waits rather than running beside it
    expect((await fetch(`${base}/store/carts/cart_3/complete`, post)).status).toBe(409)
    const next = fetch(`${base}/store/carts/cart_4/complete`, post)
    await until(() => checkoutLineStats().waiting === 1)
    expect(checkoutLineStats().running).toBe(1)
    release.shift()!()
    await until(() => release.length === 1)
    release.shift()!()
    expect((await next).status).toBe(200)
    await until(() => checkoutLineStats().running === 0 && checkoutLineStats().waiting === 0)
  })
})
