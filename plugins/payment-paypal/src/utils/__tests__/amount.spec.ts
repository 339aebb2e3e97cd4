import { currencyDigits, fromPayPalAmount, toPayPalAmount } from "../amount"

describe("PayPal amounts", () => {
  it("uses two decimals, rounding half up", () => {
    expect(toPayPalAmount(12.5, "eur")).toEqual({ currency_code: "EUR", value: "12.50" })
    expect(toPayPalAmount("19.995", "usd")).toEqual({ currency_code: "USD", value: "20.00" })
    expect(toPayPalAmount(0.1 + 0.2, "usd").value).toBe("0.30")
  })

  it("sends zero-decimal currencies in whole units", () => {
    expect(currencyDigits("jpy")).toBe(0)
    expect(toPayPalAmount(1234.6, "jpy")).toEqual({ currency_code: "JPY", value: "1235" })
    expect(toPayPalAmount(5000, "HUF").value).toBe("5000")
  })

  it("refuses negative and non-numeric amounts", () => {
    expect(() => toPayPalAmount(-1, "eur")).toThrow(/Invalid amount/)
    expect(() => toPayPalAmount("abc", "eur")).toThrow(/Invalid amount/)
  })

  it("reads PayPal's strings back", () => {
    expect(fromPayPalAmount("12.50")).toBe(12.5)
    expect(fromPayPalAmount(undefined)).toBe(0)
  })
})
