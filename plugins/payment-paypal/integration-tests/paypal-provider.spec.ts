import { PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import PayPalPaymentProviderService from "../src/providers/paypal/service"
import { PayPalClient } from "../src/providers/paypal/client"
import { resolvePayPalOptions } from "../src/utils/options"
import { FakePayPal } from "./fake-paypal-server"

/**
 * The provider class on its own against the fake PayPal server: what the checkout spec cannot reach through
 * Medusa's API (the capture intent, zero-decimal currencies, partial captures, voids, webhook verification).
 */
const logger = { warn: jest.fn(), info: jest.fn(), error: jest.fn(), debug: jest.fn() } as any

describe("PayPal provider against a fake PayPal", () => {
  const paypal = new FakePayPal("client-id", "client-secret", "WH-TIENDA")

  beforeAll(() => paypal.start())
  afterAll(() => paypal.stop())
  afterEach(() => expect(paypal.violations).toEqual([]))

  function provider(options: Record<string, unknown> = {}) {
    return new PayPalPaymentProviderService(
      { logger },
      {
        clientId: "client-id",
        clientSecret: "client-secret",
        webhookId: "WH-TIENDA",
        apiBaseUrl: paypal.url,
        timeoutMs: 1500,
        ...options,
      }
    )
  }

  it("validates its options at boot", () => {
    expect(() => PayPalPaymentProviderService.validateOptions({} as any)).toThrow(
      /clientId is required.*clientSecret is required/s
    )
  })

  it("intent capture: takes the money when the cart completes; admin capture then only reads the order", async () => {
    const service = provider({ intent: "capture" })
    const session = await service.initiatePayment({
      amount: 42.5,
      currency_code: "usd",
      data: { session_id: "payses_1" },
      context: { idempotency_key: "payses_1" },
    })
    expect(session.data).toMatchObject({
      intent: "CAPTURE",
      amount: "42.50",
      currency_code: "USD",
      session_id: "payses_1",
    })
    expect(session.data!.approve_url).toMatch(/checkoutnow\?token=/)
    paypal.approve(session.id)
    const authorized = await service.authorizePayment({ data: session.data, context: { idempotency_key: "payses_1" } })
    expect(authorized.status).toBe(PaymentSessionStatus.CAPTURED)
    expect((authorized.data as any).capture_ids).toHaveLength(1)
    const before = paypal.requests.length
    const captured = await service.capturePayment({ data: authorized.data })
    // PayPal is only read: its order already reports the capture.
    expect(paypal.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /v2/checkout/orders/${session.id}`,
    ])
    expect((captured.data as any).capture_ids).toEqual((authorized.data as any).capture_ids)
  })

  it("sends zero-decimal currencies in whole units (JPY)", async () => {
    const service = provider()
    const session = await service.initiatePayment({
      amount: 1234.6,
      currency_code: "jpy",
      data: { session_id: "payses_jpy" },
    })
    expect(paypal.orders.get(session.id).purchase_units[0].amount).toEqual({ currency_code: "JPY", value: "1235" })
    const updated = await service.updatePayment({ amount: 990, currency_code: "jpy", data: session.data })
    expect(updated.data!.amount).toBe("990")
    expect(paypal.orders.get(session.id).purchase_units[0].amount.value).toBe("990")
  })

  it("authorizes, captures partially then finally, refunds partially then fully, never more", async () => {
    const client = new PayPalClient(
      resolvePayPalOptions({ clientId: "client-id", clientSecret: "client-secret", apiBaseUrl: paypal.url })
    )
    const order = await client.createOrder(
      {
        intent: "AUTHORIZE",
        purchase_units: [{ reference_id: "default", amount: { currency_code: "EUR", value: "100.00" } }],
      },
      "create-partial"
    )
    paypal.approve(order.id)
    const authorized = await client.authorizeOrder(order.id, "authorize-partial")
    const authorizationId = authorized.purchase_units![0].payments!.authorizations![0].id
    const first = await client.captureAuthorization(
      authorizationId,
      { amount: { currency_code: "EUR", value: "30.00" }, final_capture: false },
      "capture-1"
    )
    expect(paypal.authorizations.get(authorizationId).status).toBe("PARTIALLY_CAPTURED")
    await expect(
      client.captureAuthorization(
        authorizationId,
        { amount: { currency_code: "EUR", value: "80.00" }, final_capture: true },
        "capture-2"
      )
    ).rejects.toThrow(/MAX_CAPTURE_AMOUNT_EXCEEDED/)
    await client.captureAuthorization(
      authorizationId,
      { amount: { currency_code: "EUR", value: "70.00" }, final_capture: true },
      "capture-3"
    )
    expect(paypal.authorizations.get(authorizationId).status).toBe("CAPTURED")

    await client.refundCapture(first.id, { currency_code: "EUR", value: "10.00" }, "refund-1")
    await expect(client.refundCapture(first.id, { currency_code: "EUR", value: "25.00" }, "refund-2")).rejects.toThrow(
      /REFUND_AMOUNT_EXCEEDED/
    )
    await client.refundCapture(first.id, { currency_code: "EUR", value: "20.00" }, "refund-3")
    expect(paypal.captures.get(first.id).status).toBe("REFUNDED")
    // The same PayPal-Request-Id twice is one refund.
    await client.refundCapture(first.id, { currency_code: "EUR", value: "20.00" }, "refund-3")
    expect([...paypal.refunds.values()]).toHaveLength(2)
  })

  it("voids an authorization when Medusa cancels the payment", async () => {
    const service = provider()
    const session = await service.initiatePayment({
      amount: 10,
      currency_code: "eur",
      data: { session_id: "payses_void" },
    })
    paypal.approve(session.id)
    const authorized = await service.authorizePayment({
      data: session.data,
      context: { idempotency_key: "payses_void" },
    })
    const canceled = await service.cancelPayment({ data: authorized.data, context: { idempotency_key: "pay_1" } })
    expect(canceled.data!.status).toBe("VOIDED")
    expect(paypal.authorizations.get((authorized.data as any).authorization_id).status).toBe("VOIDED")
    expect(paypal.calls("POST", /\/void$/)[0].requestId).toBe("void-pay_1")
  })

  it("an authorization whose answer was lost to a timeout: session stays pending, then is voided when dropped", async () => {
    const service = provider()
    const session = await service.initiatePayment({
      amount: 25,
      currency_code: "eur",
      data: { session_id: "payses_lost" },
    })
    paypal.approve(session.id)
    paypal.fail({ path: /\/authorize$/, delayMs: 2500, afterWork: true })
    const result = await service.authorizePayment({ data: session.data, context: { idempotency_key: "payses_lost" } })
    expect(result.status).toBe(PaymentSessionStatus.PENDING)
    expect((result.data as any).last_error).toMatch(/did not answer within 1500 ms/)
    const authorization = paypal.orders.get(session.id).purchase_units[0].payments.authorizations[0]
    expect(authorization.status).toBe("CREATED")

    await service.deletePayment({ data: result.data })
    expect(authorization.status).toBe("VOIDED")
  })

  it("verifies webhooks with PayPal and maps them to Medusa's actions; forged ones are rejected", async () => {
    const service = provider()
    const event = {
      id: "WH-EVT-1",
      event_type: "PAYMENT.CAPTURE.COMPLETED",
      resource: { id: "CAP9", custom_id: "payses_9", amount: { currency_code: "EUR", value: "12.30" } },
    }
    const raw = Buffer.from(JSON.stringify(event))
    const result = await service.getWebhookActionAndData({
      data: event,
      rawData: raw,
      headers: paypal.signWebhook(event),
    })
    expect(result).toEqual({ action: PaymentActions.SUCCESSFUL, data: { session_id: "payses_9", amount: 12.3 } })

    const forged = { ...event, resource: { ...event.resource, amount: { currency_code: "EUR", value: "0.01" } } }
    await expect(
      service.getWebhookActionAndData({
        data: forged,
        rawData: Buffer.from(JSON.stringify(forged)),
        headers: paypal.signWebhook(event),
      } as any)
    ).rejects.toThrow(/signature did not verify/)
    await expect(
      provider({ webhookId: undefined }).getWebhookActionAndData({
        data: event,
        rawData: raw,
        headers: paypal.signWebhook(event),
      } as any)
    ).rejects.toThrow(/no webhookId is configured/)
  })

  it("a PayPal outage while creating the order is a payment error (422), not a crash", async () => {
    paypal.fail({ path: /^\/v2\/checkout\/orders$/, status: 503 })
    await expect(
      provider().initiatePayment({ amount: 10, currency_code: "eur", data: { session_id: "payses_down" } } as any)
    ).rejects.toMatchObject({
      type: "payment_authorization_error",
      message: expect.stringMatching(/PayPal payment failed/),
    })
  })

  describe("session data a shopper could have written", () => {
    const forged = {
      capture_ids: ["CAP-FORGED"],
      authorization_id: "AUTH-FORGED",
      status: "COMPLETED",
      intent: "CAPTURE",
      refund_ids: ["R"],
    }
    /** What Medusa stores for a new session: the caller's data, then the provider's, as JSON. */
    const stored = (callerData: object, providerData: object) =>
      JSON.parse(JSON.stringify({ ...callerData, ...providerData }))

    async function authorizedWithForgedData(sessionId: string) {
      const service = provider()
      const callerData = { ...forged, session_id: sessionId }
      const session = await service.initiatePayment({
        amount: 20,
        currency_code: "eur",
        data: callerData,
        context: { idempotency_key: sessionId },
      })
      const sessionData = stored(callerData, session.data!)
      expect(sessionData).toEqual({
        paypal_order_id: session.id,
        intent: "AUTHORIZE",
        status: "CREATED",
        currency_code: "EUR",
        amount: "20.00",
        session_id: sessionId,
        approve_url: expect.stringContaining(session.id),
      })
      paypal.approve(session.id)
      // A session stored before this provider cleared the caller's keys still has them: authorization drops them.
      const authorized = await service.authorizePayment({
        data: { ...sessionData, ...forged, intent: "AUTHORIZE" },
        context: { idempotency_key: sessionId },
      })
      expect(authorized.status).toBe(PaymentSessionStatus.AUTHORIZED)
      const authorizationId = paypal.orders.get(session.id).purchase_units[0].payments.authorizations[0].id
      expect(authorized.data).toMatchObject({ authorization_id: authorizationId, status: "COMPLETED" })
      expect((authorized.data as any).capture_ids).toBeUndefined()
      expect((authorized.data as any).refund_ids).toBeUndefined()
      return { service, session, authorized, authorizationId }
    }

    it("capture asks PayPal what it holds and captures there, whatever capture_ids the data claims", async () => {
      const { service, session, authorized, authorizationId } = await authorizedWithForgedData("payses_forged_capture")
      const captured = await service.capturePayment({
        data: { ...authorized.data, ...forged },
        context: { idempotency_key: "capt_1" },
      })
      const [call] = paypal.calls("POST", new RegExp(`/v2/payments/authorizations/${authorizationId}/capture$`))
      expect(call).toMatchObject({
        requestId: "capture-capt_1",
        body: { amount: { currency_code: "EUR", value: "20.00" }, final_capture: true },
      })
      expect(paypal.authorizations.get(authorizationId).status).toBe("CAPTURED")
      const [realCapture] = paypal.orders.get(session.id).purchase_units[0].payments.captures
      expect((captured.data as any).capture_ids).toEqual([realCapture.id])

      // Refunds go against the capture PayPal reports, not one named in the data.
      await service.refundPayment({
        amount: 5,
        data: { ...captured.data, capture_ids: ["CAP-FORGED"] },
        context: { idempotency_key: "ref_1" },
      })
      expect(paypal.calls("POST", /\/refund$/).map((r) => r.path)).toContain(
        `/v2/payments/captures/${realCapture.id}/refund`
      )
      expect(paypal.captures.get(realCapture.id).status).toBe("PARTIALLY_REFUNDED")
    })

    it("cancel voids the authorization PayPal holds, whatever capture_ids the data claims", async () => {
      const { service, authorizationId } = await authorizedWithForgedData("payses_forged_cancel")
      const canceled = await service.cancelPayment({
        data: {
          paypal_order_id: paypal.authorizations.get(authorizationId).orderId,
          session_id: "payses_forged_cancel",
          ...forged,
        },
        context: { idempotency_key: "pay_forged" },
      })
      expect(canceled.data!.status).toBe("VOIDED")
      expect(paypal.authorizations.get(authorizationId).status).toBe("VOIDED")
      expect(paypal.calls("POST", new RegExp(`/authorizations/${authorizationId}/void$`))).toHaveLength(1)
    })

    it("an order PayPal has not authorized is not captured: refused, nothing asked of PayPal but a read", async () => {
      const service = provider()
      const session = await service.initiatePayment({
        amount: 15,
        currency_code: "eur",
        data: { session_id: "payses_unpaid" },
      })
      paypal.approve(session.id)
      const before = paypal.requests.length
      await expect(
        service.capturePayment({ data: { ...session.data, ...forged, intent: "AUTHORIZE" } } as any)
      ).rejects.toMatchObject({
        type: "not_allowed",
        message: expect.stringMatching(/nothing to capture: it is APPROVED with no authorization/),
      })
      expect(paypal.requests.slice(before).map((r) => r.method)).toEqual(["GET"])
      await expect(service.refundPayment({ amount: 1, data: { ...session.data, ...forged } } as any)).rejects.toThrow(
        /no capture at PayPal/
      )
    })

    it("an order made for another session is refused", async () => {
      const service = provider()
      const other = await service.initiatePayment({
        amount: 15,
        currency_code: "eur",
        data: { session_id: "payses_other" },
      })
      paypal.approve(other.id)
      const result = await service.authorizePayment({ data: { ...other.data, session_id: "payses_mine" } })
      expect(result.status).toBe(PaymentSessionStatus.ERROR)
      expect((result.data as any).last_error).toMatch(/belongs to another payment session/)
      expect(paypal.calls("POST", new RegExp(`/${other.id}/authorize$`))).toHaveLength(0)
    })
  })
})
