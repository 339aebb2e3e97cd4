import { integrationTestRunner } from "../helpers/test-runner"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seedDemoStore } from "../../src/scripts/seed"
import { adminHeaders, createAdmin } from "../helpers/admin"
import { failure, publishableKey, storeSdk } from "../helpers/store"
import { cartReadyForPayment, eventually, startPayment } from "../helpers/checkout"
import { FakeStripe, paymentIntentEvent, signedWebhook } from "../helpers/fake-stripe"

jest.setTimeout(180_000)

const WEBHOOK_SECRET = "whsec_tienda_test_secret"
// The runner loads medusa-config.ts before applying its `env` option, so the keys are set here (jest gives each
// test file its own process.env). A 1 ms webhook delay instead of Medusa's 5 s keeps the webhook tests fast.
process.env.STRIPE_API_KEY = "sk_test_tienda"
process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
process.env.PAYMENT_WEBHOOK_DELAY_MS = "1"
afterAll(() => {
  for (const name of ["STRIPE_API_KEY", "STRIPE_WEBHOOK_SECRET", "PAYMENT_WEBHOOK_DELAY_MS"]) {
    delete process.env[name]
  }
})

const STRIPE = "pp_stripe_stripe"

/**
 * Medusa's official Stripe provider, wired by medusa-config.ts, end to end through the store and admin APIs.
 * Stripe itself is never reached: nock answers the SDK's HTTPS calls (FakeStripe), and webhooks are signed with
 * the Stripe SDK's own test-header helper.
 */
integrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let stripe: FakeStripe
    let sdk: ReturnType<typeof storeSdk>
    let admin: { headers: Record<string, string> }

    beforeAll(async () => {
      await seedDemoStore(getContainer())
      await createAdmin(getContainer())
    })

    beforeEach(async () => {
      stripe = new FakeStripe()
      sdk = storeSdk(api, await publishableKey(getContainer()))
      admin = await adminHeaders(api)
    })

    afterEach(() => stripe.stop())

    async function ordersOfCart(cartId: string): Promise<string[]> {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
      return data.map((row: any) => row.order_id)
    }

    async function paymentOf(orderId: string) {
      const { data } = await api.get(
        `/admin/orders/${orderId}?fields=payment_status,*payment_collections.payments,*payment_collections.payments.captures,*payment_collections.payments.refunds`,
        admin
      )
      return { order: data.order, payment: data.order.payment_collections[0].payments[0] }
    }

    async function sendWebhook(event: object, secret = WEBHOOK_SECRET) {
      const { body, signature } = signedWebhook(event, secret)
      return api.post("/hooks/payment/stripe_stripe", body, {
        headers: { "content-type": "application/json", "stripe-signature": signature },
      })
    }

    it("is offered in both demo regions when STRIPE_API_KEY is set", async () => {
      const { regions } = await sdk.store.region.list()
      for (const region of regions) {
        const { payment_providers } = await sdk.store.payment.listPaymentProviders({ region_id: region.id })
        expect(payment_providers.map((p) => p.id)).toContain(STRIPE)
      }
    })

    it("payment session → authorize → order; the admin captures and refunds (partly, then too much)", async () => {
      const { cart } = await cartReadyForPayment(sdk, { quantity: 2 })
      const { session } = await startPayment(sdk, cart.id, STRIPE)
      const [create] = stripe.calls("POST", "/v1/payment_intents")
      // Stripe wants the smallest unit: cents for EUR.
      expect(Number(create.body.get("amount"))).toBe(Math.round(Number(cart.total) * 100))
      expect(create.body.get("currency")).toBe("eur")
      expect(create.body.get("capture_method")).toBe("manual")
      expect(create.body.get("metadata[session_id]")).toBe(session.id)
      expect(create.idempotencyKey).toBeTruthy()
      const intentId = session.data.id as string

      stripe.confirm(intentId, "requires_capture")
      const completed = await sdk.store.cart.complete(cart.id)
      expect(completed.type).toBe("order")
      const orderId = (completed as any).order.id
      expect((await paymentOf(orderId)).order.payment_status).toBe("authorized")

      const { payment } = await paymentOf(orderId)
      await api.post(`/admin/payments/${payment.id}/capture`, {}, admin)
      const [capture] = stripe.calls("POST", `/v1/payment_intents/${intentId}/capture`)
      expect(capture.idempotencyKey).toMatch(/^capt_/)
      expect(stripe.intents.get(intentId).status).toBe("succeeded")
      expect((await paymentOf(orderId)).order.payment_status).toBe("captured")

      await api.post(`/admin/payments/${payment.id}/refund`, { amount: 10 }, admin)
      expect(stripe.refunds).toEqual([expect.objectContaining({ payment_intent: intentId, amount: 1000 })])
      expect((await paymentOf(orderId)).order.payment_status).toBe("partially_refunded")

      const tooMuch = await failure(
        api.post(`/admin/payments/${payment.id}/refund`, { amount: Number(cart.total) }, admin)
      )
      expect(tooMuch.status).toBe(400)
      expect(tooMuch.data.message).toMatch(/refund/i)
      expect(stripe.refunds).toHaveLength(1)
      expect((await paymentOf(orderId)).payment.refunds).toHaveLength(1)
    })

    it("refuses to capture more than was authorized, calling Stripe not at all", async () => {
      const { cart } = await cartReadyForPayment(sdk)
      const { session } = await startPayment(sdk, cart.id, STRIPE)
      stripe.confirm(session.data.id as string, "requires_capture")
      const completed: any = await sdk.store.cart.complete(cart.id)
      const { payment } = await paymentOf(completed.order.id)
      const response = await failure(
        api.post(`/admin/payments/${payment.id}/capture`, { amount: Number(payment.amount) + 1 }, admin)
      )
      expect(response.status).toBe(400)
      expect(response.data.message).toMatch(/cannot capture more than the authorized amount/)
      expect(stripe.calls("POST", `/v1/payment_intents/${session.data.id as string}/capture`)).toHaveLength(0)
      expect((await paymentOf(completed.order.id)).order.payment_status).toBe("authorized")
    })

    it("a declined card gives the storefront a clear payment error and no order", async () => {
      const { cart } = await cartReadyForPayment(sdk)
      const { session } = await startPayment(sdk, cart.id, STRIPE)
      stripe.confirm(session.data.id as string, "declined")
      const response = await failure(
        api.post(
          `/store/carts/${cart.id}/complete`,
          {},
          { headers: { "x-publishable-api-key": await publishableKey(getContainer()) } }
        )
      )
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(response.status).toBeLessThan(500)
      expect(response.data.message).toMatch(/not authorized with the provider/)
      expect(await ordersOfCart(cart.id)).toEqual([])
    })

    it("payment_intent.succeeded arriving before the storefront completes creates the order exactly once", async () => {
      const { cart } = await cartReadyForPayment(sdk)
      const { session } = await startPayment(sdk, cart.id, STRIPE)
      const intent = stripe.confirm(session.data.id as string, "succeeded")

      const response = await sendWebhook(paymentIntentEvent("payment_intent.succeeded", intent))
      expect(response.status).toBe(200)
      const [orderId] = await eventually(async () => {
        const ids = await ordersOfCart(cart.id)
        return ids.length ? ids : undefined
      })

      // The storefront's own complete call, arriving late, gets the same order.
      const completed: any = await sdk.store.cart.complete(cart.id)
      expect(completed.type).toBe("order")
      expect(completed.order.id).toBe(orderId)
      expect(await ordersOfCart(cart.id)).toEqual([orderId])
      const { order, payment } = await paymentOf(orderId)
      expect(order.payment_status).toBe("captured")
      expect(payment.captures).toHaveLength(1)
    })

    it("the same webhook delivered 5 times gives one order and one capture", async () => {
      const { cart } = await cartReadyForPayment(sdk)
      const { session } = await startPayment(sdk, cart.id, STRIPE)
      const event = paymentIntentEvent(
        "payment_intent.succeeded",
        stripe.confirm(session.data.id as string, "succeeded")
      )
      for (let i = 0; i < 5; i++) {
        expect((await sendWebhook(event)).status).toBe(200)
      }
      const [orderId] = await eventually(async () => {
        const ids = await ordersOfCart(cart.id)
        return ids.length ? ids : undefined
      })
      // Let every delivery be processed before counting.
      await new Promise((resolve) => setTimeout(resolve, 4000))
      expect(await ordersOfCart(cart.id)).toEqual([orderId])
      const { payment } = await paymentOf(orderId)
      expect(payment.captures).toHaveLength(1)
      expect(Number(payment.captures[0].amount)).toBeCloseTo(Number(cart.total), 2)
      expect(stripe.calls("POST", `/v1/payment_intents/${session.data.id as string}/capture`)).toHaveLength(0)
    })

    it("a webhook with a bad or missing signature is refused with 400 and changes nothing", async () => {
      const { cart } = await cartReadyForPayment(sdk)
      const { session } = await startPayment(sdk, cart.id, STRIPE)
      const intent = stripe.confirm(session.data.id as string, "succeeded")
      const forged = await sendWebhook(
        paymentIntentEvent("payment_intent.succeeded", intent),
        "whsec_someone_else"
      ).catch((e) => e.response)
      expect(forged.status).toBe(400)
      expect(forged.data.message).toMatch(/signature does not match/)
      const unsigned = await api
        .post("/hooks/payment/stripe_stripe", paymentIntentEvent("payment_intent.succeeded", intent), {
          headers: { "content-type": "application/json" },
        })
        .catch((e: any) => e.response)
      expect(unsigned.status).toBe(400)
      expect(unsigned.data.message).toMatch(/Stripe-Signature header is missing/)
      await new Promise((resolve) => setTimeout(resolve, 4000))
      expect(await ordersOfCart(cart.id)).toEqual([])
      const { cart: after } = await sdk.store.cart.retrieve(cart.id, {
        fields: "completed_at,*payment_collection.payment_sessions",
      })
      expect(after.completed_at).toBeFalsy()
      expect(after.payment_collection!.payment_sessions![0].status).toBe("pending")
    })
  },
})
