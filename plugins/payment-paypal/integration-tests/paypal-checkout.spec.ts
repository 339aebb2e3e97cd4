import { integrationTestRunner } from "../../../integration-tests/helpers/test-runner"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seedDemoStore } from "../../../src/scripts/seed"
import { adminHeaders, createAdmin } from "../../../integration-tests/helpers/admin"
import { failure, publishableKey, storeSdk } from "../../../integration-tests/helpers/store"
import { cartReadyForPayment, eventually, startPayment } from "../../../integration-tests/helpers/checkout"
import { FakePayPal } from "./fake-paypal-server"

jest.setTimeout(180_000)

const PAYPAL = "pp_paypal_paypal"
const paypal = new FakePayPal("tienda-client", "tienda-secret", "WH-TIENDA-TEST")

// Registered before the runner's own hooks, so the fake listens (on a port the system picks) before Medusa boots.
// The runner loads medusa-config.ts in its beforeAll, before applying its `env` option, so PayPal's variables are
// set here (jest gives each test file its own process.env); the provider talks to the fake server, never to PayPal.
beforeAll(async () => {
  await paypal.start()
  Object.assign(process.env, {
    PAYPAL_CLIENT_ID: "tienda-client",
    PAYPAL_CLIENT_SECRET: "tienda-secret",
    PAYPAL_WEBHOOK_ID: "WH-TIENDA-TEST",
    PAYPAL_API_BASE_URL: paypal.url,
    PAYPAL_TIMEOUT_MS: "1500",
    PAYMENT_WEBHOOK_DELAY_MS: "1",
  })
})
afterAll(async () => {
  await paypal.stop()
  for (const name of [
    "PAYPAL_CLIENT_ID",
    "PAYPAL_CLIENT_SECRET",
    "PAYPAL_WEBHOOK_ID",
    "PAYPAL_API_BASE_URL",
    "PAYPAL_TIMEOUT_MS",
    "PAYMENT_WEBHOOK_DELAY_MS",
  ]) {
    delete process.env[name]
  }
})

/**
 * The PayPal plugin wired through medusa-config.ts, end to end through the store and admin APIs, against the
 * fake PayPal server (which checks credentials, PayPal-Request-Ids and amounts on every call).
 */
integrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let sdk: ReturnType<typeof storeSdk>
    let key: string
    let admin: { headers: Record<string, string> }

    beforeAll(async () => {
      await seedDemoStore(getContainer())
      await createAdmin(getContainer())
    })

    beforeEach(async () => {
      key = await publishableKey(getContainer())
      sdk = storeSdk(api, key)
      admin = await adminHeaders(api)
    })

    afterEach(() => {
      paypal.clearFaults()
      expect(paypal.violations).toEqual([])
    })

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

    const complete = (cartId: string) =>
      failure(api.post(`/store/carts/${cartId}/complete`, {}, { headers: { "x-publishable-api-key": key } }))

    async function approvedCart() {
      const { cart } = await cartReadyForPayment(sdk, { quantity: 2 })
      const { session } = await startPayment(sdk, cart.id, PAYPAL)
      return { cart, session, paypalOrderId: session.data.paypal_order_id as string }
    }

    it("is offered in both demo regions when PAYPAL_CLIENT_ID is set", async () => {
      const { regions } = await sdk.store.region.list()
      for (const region of regions) {
        const { payment_providers } = await sdk.store.payment.listPaymentProviders({ region_id: region.id })
        expect(payment_providers.map((p) => p.id)).toContain(PAYPAL)
      }
    })

    it("creates, authorizes, captures and refunds (partly, then too much) with PayPal-Request-Ids", async () => {
      const { cart, session, paypalOrderId } = await approvedCart()
      const created = paypal.orders.get(paypalOrderId)
      expect(created.intent).toBe("AUTHORIZE")
      expect(created.purchase_units[0]).toMatchObject({
        custom_id: session.id,
        amount: { currency_code: "EUR", value: Number(cart.total).toFixed(2) },
      })
      expect(session.data.approve_url).toContain(paypalOrderId)

      paypal.approve(paypalOrderId)
      const completed: any = await sdk.store.cart.complete(cart.id)
      expect(completed.type).toBe("order")
      const { order, payment } = await paymentOf(completed.order.id)
      expect(order.payment_status).toBe("authorized")
      expect(payment.data.authorization_id).toMatch(/^AUTH/)

      await api.post(`/admin/payments/${payment.id}/capture`, {}, admin)
      const [capture] = paypal.calls("POST", /\/v2\/payments\/authorizations\/.+\/capture$/)
      expect(capture.requestId).toMatch(/^capture-capt_/)
      expect(capture.body).toEqual({
        amount: { currency_code: "EUR", value: Number(cart.total).toFixed(2) },
        final_capture: true,
      })
      expect((await paymentOf(order.id)).order.payment_status).toBe("captured")

      await api.post(`/admin/payments/${payment.id}/refund`, { amount: 5.5 }, admin)
      const [refund] = paypal.calls("POST", /\/refund$/)
      expect(refund.body).toEqual({ amount: { currency_code: "EUR", value: "5.50" } })
      expect(refund.requestId).toMatch(/^refund-/)
      const tooMuch = await failure(
        api.post(`/admin/payments/${payment.id}/refund`, { amount: Number(cart.total) }, admin)
      )
      expect(tooMuch.status).toBe(400)
      expect(paypal.refunds.size).toBe(1)
      expect((await paymentOf(order.id)).payment.refunds).toHaveLength(1)
    })

    it("a shopper's capture_ids: the order is paid only once the admin captures at PayPal; cancel voids at PayPal", async () => {
      const forged = {
        capture_ids: ["CAP-FORGED"],
        authorization_id: "AUTH-FORGED",
        intent: "CAPTURE",
        status: "COMPLETED",
      }
      async function placedWithForgedData() {
        const { cart } = await cartReadyForPayment(sdk)
        const { session } = await startPayment(sdk, cart.id, PAYPAL, forged)
        const paypalOrderId = session.data.paypal_order_id as string
        expect(session.data).toMatchObject({ intent: "AUTHORIZE", status: "CREATED" })
        expect(session.data.capture_ids).toBeUndefined()
        paypal.approve(paypalOrderId)
        const completed: any = await sdk.store.cart.complete(cart.id)
        const authorizationId = paypal.orders.get(paypalOrderId).purchase_units[0].payments.authorizations[0].id
        const { order, payment } = await paymentOf(completed.order.id)
        expect(order.payment_status).toBe("authorized")
        expect(payment.data).toMatchObject({ authorization_id: authorizationId })
        expect(payment.data.capture_ids).toBeUndefined()
        return { order, payment, authorizationId }
      }
      const captureCalls = (authorizationId: string) =>
        paypal.calls("POST", new RegExp(`/v2/payments/authorizations/${authorizationId}/capture$`))

      const first = await placedWithForgedData()
      // PayPal refuses the capture: nothing is recorded, the order is still only authorized.
      paypal.fail({ path: /\/authorizations\/.+\/capture$/, status: 500 })
      expect(
        (await failure(api.post(`/admin/payments/${first.payment.id}/capture`, {}, admin))).status
      ).toBeGreaterThanOrEqual(400)
      expect((await paymentOf(first.order.id)).order.payment_status).toBe("authorized")
      expect(paypal.authorizations.get(first.authorizationId).status).toBe("CREATED")
      // PayPal captures: then, and only then, the order is paid.
      await api.post(`/admin/payments/${first.payment.id}/capture`, {}, admin)
      expect(captureCalls(first.authorizationId)).toHaveLength(2)
      expect(paypal.authorizations.get(first.authorizationId).status).toBe("CAPTURED")
      const captured = await paymentOf(first.order.id)
      expect(captured.order.payment_status).toBe("captured")
      const [realCapture] = paypal.orders.get(captured.payment.data.paypal_order_id).purchase_units[0].payments.captures
      expect(captured.payment.data.capture_ids).toEqual([realCapture.id])

      const second = await placedWithForgedData()
      await api.post(`/admin/orders/${second.order.id}/cancel`, {}, admin)
      expect(
        paypal.calls("POST", new RegExp(`/v2/payments/authorizations/${second.authorizationId}/void$`))
      ).toHaveLength(1)
      expect(paypal.authorizations.get(second.authorizationId).status).toBe("VOIDED")
      expect(captureCalls(second.authorizationId)).toHaveLength(0)
    })

    it("a declined authorization: clear payment error, no order, nothing charged", async () => {
      const { cart, paypalOrderId } = await approvedCart()
      const charged = paypal.authorizations.size + paypal.captures.size
      paypal.approve(paypalOrderId, { declined: true })
      const response = await complete(cart.id)
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(response.status).toBeLessThan(500)
      expect(await ordersOfCart(cart.id)).toEqual([])
      expect(paypal.authorizations.size + paypal.captures.size).toBe(charged)
      expect(paypal.orders.get(paypalOrderId).purchase_units[0].payments.authorizations).toBeUndefined()
    })

    it("PayPal answering 500, then timing out after doing the work: payment errors, then one order and one authorization", async () => {
      const { cart, paypalOrderId } = await approvedCart()
      paypal.approve(paypalOrderId)

      paypal.fail({ path: /\/authorize$/, status: 500 })
      const down = await complete(cart.id)
      expect(down.status).toBeGreaterThanOrEqual(400)
      expect(down.status).toBeLessThan(500)
      expect(await ordersOfCart(cart.id)).toEqual([])

      // PayPal authorizes but answers after the provider's 1.5 s timeout: the storefront is told it failed...
      paypal.fail({ path: /\/authorize$/, delayMs: 2500, afterWork: true })
      const slow = await complete(cart.id)
      expect(slow.status).toBeGreaterThanOrEqual(400)
      expect(slow.status).toBeLessThan(500)
      expect(await ordersOfCart(cart.id)).toEqual([])

      // ...and the customer's retry neither authorizes twice nor loses the authorization PayPal made.
      const retried: any = await sdk.store.cart.complete(cart.id)
      expect(retried.type).toBe("order")
      const attempts = paypal.calls("POST", new RegExp(`/${paypalOrderId}/authorize$`))
      // Two authorize calls (the 500, the lost answer), one request id; the retry found the order already
      // authorized when it read it first, so it asked PayPal for nothing new.
      expect(attempts).toHaveLength(2)
      expect(new Set(attempts.map((r) => r.requestId)).size).toBe(1)
      expect(paypal.orders.get(paypalOrderId).purchase_units[0].payments.authorizations).toHaveLength(1)
      expect(await ordersOfCart(cart.id)).toEqual([retried.order.id])
    })

    it("capturing an expired authorization is refused with a 4xx that says so; nothing is captured", async () => {
      const { cart, paypalOrderId } = await approvedCart()
      paypal.approve(paypalOrderId)
      const completed: any = await sdk.store.cart.complete(cart.id)
      const { payment } = await paymentOf(completed.order.id)
      paypal.expireAuthorization(payment.data.authorization_id)
      const response = await failure(api.post(`/admin/payments/${payment.id}/capture`, {}, admin))
      expect(response.status).toBe(400)
      expect(response.data.message).toMatch(/authorization has expired/)
      const after = await paymentOf(completed.order.id)
      expect(after.order.payment_status).toBe("authorized")
      expect(after.payment.captures).toHaveLength(0)
    })

    it("a verified CHECKOUT.ORDER.APPROVED webhook before the storefront completes makes one order, even delivered 5 times", async () => {
      const { cart, session, paypalOrderId } = await approvedCart()
      paypal.approve(paypalOrderId)
      const event = {
        id: "WH-APPROVED-1",
        event_type: "CHECKOUT.ORDER.APPROVED",
        resource_type: "checkout-order",
        resource: {
          id: paypalOrderId,
          status: "APPROVED",
          purchase_units: [
            { custom_id: session.id, amount: { currency_code: "EUR", value: Number(cart.total).toFixed(2) } },
          ],
        },
      }
      const body = JSON.stringify(event)
      for (let i = 0; i < 5; i++) {
        const response = await api.post("/hooks/payment/paypal_paypal", body, {
          headers: { "content-type": "application/json", ...paypal.signWebhook(event) },
        })
        expect(response.status).toBe(200)
      }
      const [orderId] = await eventually(async () => {
        const ids = await ordersOfCart(cart.id)
        return ids.length ? ids : undefined
      })
      await new Promise((resolve) => setTimeout(resolve, 4000))
      expect(await ordersOfCart(cart.id)).toEqual([orderId])
      // Deliveries processed side by side may each ask PayPal, but with one PayPal-Request-Id: one authorization.
      const authorizeIds = paypal.calls("POST", new RegExp(`/${paypalOrderId}/authorize$`)).map((r) => r.requestId)
      expect(new Set(authorizeIds).size).toBe(1)
      expect(paypal.orders.get(paypalOrderId).purchase_units[0].payments.authorizations).toHaveLength(1)
      const late: any = await sdk.store.cart.complete(cart.id)
      expect(late.order.id).toBe(orderId)
    })

    it("a webhook with a forged signature changes nothing", async () => {
      const { cart, session, paypalOrderId } = await approvedCart()
      paypal.approve(paypalOrderId)
      const event = {
        id: "WH-FORGED",
        event_type: "CHECKOUT.ORDER.APPROVED",
        resource: { id: paypalOrderId, purchase_units: [{ custom_id: session.id }] },
      }
      const headers = { ...paypal.signWebhook({ ...event, id: "WH-OTHER" }), "content-type": "application/json" }
      await api.post("/hooks/payment/paypal_paypal", JSON.stringify(event), { headers }).catch((e) => e.response)
      await new Promise((resolve) => setTimeout(resolve, 4000))
      expect(await ordersOfCart(cart.id)).toEqual([])
      expect(paypal.calls("POST", new RegExp(`/${paypalOrderId}/authorize$`))).toHaveLength(0)
    })
  },
})
