import { PaymentSessionStatus } from "@medusajs/framework/utils"
import { AcmePaymentProviderService } from "../service"
import { validateOptions } from "../options"

describe("AcmePaymentProviderService", () => {
  const provider = new AcmePaymentProviderService({}, {})

  it("authorizes a new payment at once and reports it as authorized", async () => {
    const session = await provider.initiatePayment({ amount: 25, currency_code: "eur", data: {} })
    expect(session.id).toMatch(/^acme_/)
    expect(session.status).toBe(PaymentSessionStatus.PENDING)

    const authorized = await provider.authorizePayment({ data: session.data })
    expect(authorized.status).toBe(PaymentSessionStatus.AUTHORIZED)
    expect((await provider.getPaymentStatus({ data: authorized.data })).status).toBe(PaymentSessionStatus.AUTHORIZED)
  })

  it("captures, refunds and cancels by recording them in the payment data", async () => {
    const { data } = await provider.authorizePayment({ data: { amount: 25 } })
    const captured = await provider.capturePayment({ data })
    expect((await provider.getPaymentStatus({ data: captured.data })).status).toBe(PaymentSessionStatus.CAPTURED)

    const refunded = await provider.refundPayment({ data: captured.data, amount: 10 })
    expect(refunded.data?.refunds).toEqual([expect.objectContaining({ amount: 10 })])

    const canceled = await provider.cancelPayment({ data })
    expect((await provider.getPaymentStatus({ data: canceled.data })).status).toBe(PaymentSessionStatus.CANCELED)
  })

  it("captures at authorization with autoCapture", async () => {
    const capturing = new AcmePaymentProviderService({}, { autoCapture: true })
    expect((await capturing.authorizePayment({ data: {} })).status).toBe(PaymentSessionStatus.CAPTURED)
  })

  it("refuses an option of the wrong type, naming it", () => {
    expect(() => validateOptions({ autoCapture: "yes" })).toThrow(/autoCapture must be true or false/)
    expect(() => validateOptions({})).not.toThrow()
    // A provider registered without options gets none at boot.
    expect(() => AcmePaymentProviderService.validateOptions(undefined)).not.toThrow()
  })
})
