import { keepDeclaredSessionData, keepShopperSessionData, shopperKeysFor, STRIPE_SHOPPER_KEYS } from "../session-data"

const forged = {
  capture_ids: ["CAP-FORGED"],
  authorization_id: "AUTH-FORGED",
  status: "COMPLETED",
  settled_at: "2026-01-01T00:00:00.000Z",
  paypal_order_id: "5O-OTHER",
  reference: "RF00FORGED",
  id: "pi_other",
}

describe("shopper-supplied payment session data", () => {
  it("keeps nothing for providers that read nothing from a shopper, whatever their registration id", () => {
    for (const provider of [
      "pp_paypal_paypal",
      "pp_paypal_eu_shop",
      "pp_bank-transfer_offline",
      "pp_cash-on-delivery_offline",
      "pp_system_default",
    ]) {
      expect(keepShopperSessionData(provider, { ...forged, payment_method: "pm_1", anything: 1 })).toEqual({})
    }
  })

  it("keeps Stripe's shopper inputs for Stripe providers and for unknown providers, and nothing else", () => {
    const sent = {
      ...forged,
      payment_method: "pm_1",
      setup_future_usage: "off_session",
      capture_method: "automatic",
      metadata: { a: 1 },
    }
    for (const provider of [
      "pp_stripe_stripe",
      "pp_stripe-ideal_stripe",
      "pp_acme_acme",
      "PP_PAYPAL_PAYPAL",
      undefined,
      42,
    ]) {
      expect(keepShopperSessionData(provider, sent)).toEqual({
        payment_method: "pm_1",
        setup_future_usage: "off_session",
      })
    }
    expect(shopperKeysFor("pp_acme_acme")).toBe(STRIPE_SHOPPER_KEYS)
  })

  it("reads only own keys: an inherited or prototype key is not copied", () => {
    const data = Object.create({ payment_method: "pm_inherited" })
    data.__proto__ = { confirm: true }
    expect(keepShopperSessionData("pp_stripe_stripe", data)).toEqual({})
  })

  it("trims req.body.data and req.validatedBody.data; leaves a non-object data to Medusa's validator", () => {
    const next = jest.fn()
    const req: any = {
      body: { provider_id: "pp_paypal_paypal", data: { ...forged } },
      validatedBody: { provider_id: "pp_paypal_paypal", data: { ...forged } },
    }
    keepDeclaredSessionData(req, {} as any, next)
    expect(req.body).toEqual({ provider_id: "pp_paypal_paypal", data: {} })
    expect(req.validatedBody).toEqual({ provider_id: "pp_paypal_paypal", data: {} })
    expect(next).toHaveBeenCalledTimes(1)

    const odd: any = { body: { provider_id: "pp_paypal_paypal", data: ["capture_ids"] } }
    keepDeclaredSessionData(odd, {} as any, next)
    expect(odd.body.data).toEqual(["capture_ids"])
    const none: any = { body: { provider_id: "pp_paypal_paypal" } }
    keepDeclaredSessionData(none, {} as any, next)
    expect(none.body).toEqual({ provider_id: "pp_paypal_paypal" })
  })
})
