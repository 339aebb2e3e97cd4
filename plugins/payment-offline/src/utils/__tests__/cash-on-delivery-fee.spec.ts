import {
  cashOnDeliverySessionOf,
  feeIsInPlace,
  planCashOnDeliveryFee,
  requireCashOnDeliveryFee,
} from "../cash-on-delivery-fee"

const fee = (id: string, unit_price: number, quantity = 1) => ({
  id,
  unit_price,
  quantity,
  metadata: { tienda_offline_fee: "cash-on-delivery" },
})
const product = { id: "item_product", unit_price: 20, quantity: 2, metadata: null }
const container = {
  resolve: () => ({ plugins: [{ resolve: "@tienda/payment-offline", options: { cashOnDeliveryFee: { eur: 2.5 } } }] }),
} as any
const codSession = { id: "payses_1", provider_id: "pp_cash-on-delivery_offline", status: "pending" }

describe("the cash-on-delivery fee", () => {
  it("plans exactly one fee line at the configured price", () => {
    expect(planCashOnDeliveryFee([product], 2.5).add).toMatchObject({
      unit_price: 2.5,
      quantity: 1,
      metadata: { tienda_offline_fee: "cash-on-delivery" },
    })
    expect(feeIsInPlace(planCashOnDeliveryFee([product, fee("f1", 2.5)], 2.5))).toBe(true)
    expect(planCashOnDeliveryFee([product, fee("f1", 1)], 2.5)).toMatchObject({
      remove: ["f1"],
      add: { unit_price: 2.5 },
    })
    expect(planCashOnDeliveryFee([product, fee("f1", 2.5), fee("f2", 2.5)], 2.5)).toMatchObject({
      remove: ["f2"],
      add: null,
    })
    expect(planCashOnDeliveryFee([product, fee("f1", 2.5, 2)], 2.5)).toMatchObject({ remove: ["f1"] })
    expect(planCashOnDeliveryFee([product, fee("f1", 2.5)], 0)).toEqual({ remove: ["f1"], add: null })
  })

  it("finds the cash-on-delivery session Medusa would complete with, not a canceled one or another method's", () => {
    expect(cashOnDeliverySessionOf([codSession])).toBe(codSession)
    expect(cashOnDeliverySessionOf([{ ...codSession, status: "canceled" }])).toBeUndefined()
    expect(cashOnDeliverySessionOf([{ ...codSession, provider_id: "pp_bank-transfer_offline" }])).toBeUndefined()
    expect(cashOnDeliverySessionOf(undefined)).toBeUndefined()
  })

  it("refuses to complete a cash-on-delivery cart without its fee, and only that", () => {
    const cart = (items: any[], sessions = [codSession]) => ({
      id: "cart_1",
      currency_code: "eur",
      items,
      payment_collection: { payment_sessions: sessions },
    })
    expect(() => requireCashOnDeliveryFee(cart([product]), container)).toThrow(
      /Cash on delivery in EUR carries a fee of 2.5/
    )
    expect(() => requireCashOnDeliveryFee(cart([product, fee("f1", 1)]), container)).toThrow(/fee of 2.5/)
    expect(() => requireCashOnDeliveryFee(cart([product, fee("f1", 2.5)]), container)).not.toThrow()
    expect(() =>
      requireCashOnDeliveryFee(cart([product], [{ ...codSession, provider_id: "pp_system_default" }]), container)
    ).not.toThrow()
    expect(() => requireCashOnDeliveryFee({ ...cart([product]), currency_code: "usd" }, container)).not.toThrow()
    expect(() => requireCashOnDeliveryFee({ ...cart([product]), completed_at: new Date() }, container)).not.toThrow()
  })
})
