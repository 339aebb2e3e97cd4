import { toMajorUnits, toPriceInputs } from "../money"

describe("toMajorUnits", () => {
  it("shifts cents to major units exactly", () => {
    expect(toMajorUnits(2999, "eur")).toBe(29.99)
    expect(toMajorUnits(1, "usd")).toBe(0.01)
    expect(toMajorUnits(0, "eur")).toBe(0)
    // 0.1 + 0.2 style float error would show up here if the maths were done by hand.
    expect(toMajorUnits(123456789, "usd")).toBe(1234567.89)
  })

  it("respects currencies without a minor unit", () => {
    expect(toMajorUnits(500, "jpy")).toBe(500)
  })

  it("refuses fractions, negatives and unknown currencies", () => {
    expect(() => toMajorUnits(29.99, "eur")).toThrow(/whole, non-negative number of minor units/)
    expect(() => toMajorUnits(-1, "eur")).toThrow(/whole, non-negative/)
    expect(() => toMajorUnits(100, "xxx")).toThrow(/Unknown currency "xxx"/)
  })
})

describe("toPriceInputs", () => {
  it("turns a minor-unit price map into Medusa price inputs", () => {
    expect(toPriceInputs({ eur: 2895, usd: 3199 })).toEqual([
      { currency_code: "eur", amount: 28.95 },
      { currency_code: "usd", amount: 31.99 },
    ])
  })
})
