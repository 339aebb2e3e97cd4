import { shippingPrice } from "../shipping-price"

describe("shippingPrice", () => {
  it("charges the flat rate below the threshold and nothing from it on", () => {
    expect(shippingPrice(49.99, 5, 50)).toBe(5)
    expect(shippingPrice(50, 5, 50)).toBe(0)
  })

  it("never ships for free when the threshold is 0", () => {
    expect(shippingPrice(10_000, 5, 0)).toBe(5)
  })
})
