import { formatMoney } from "../money"

describe("formatMoney", () => {
  it("formats Medusa's main-unit amounts in the currency's own digits and the email's language", () => {
    expect(formatMoney(1234.5, "eur", "en")).toBe("€1,234.50")
    expect(formatMoney("1234.5", "eur", "es")).toMatch(/^1234,50\s€$/)
    expect(formatMoney(1500, "jpy", "en")).toBe("¥1,500")
    expect(formatMoney("19.99", "usd", "es")).toMatch(/^19,99\sUS\$$/)
  })

  it("formats the exact decimal, never a float rounded by hand", () => {
    // 0.1 + 0.2 as Medusa's BigNumber keeps it, and a value past a float's precision.
    expect(formatMoney({ value: "0.3" }, "usd", "en")).toBe("$0.30")
    expect(formatMoney("90071992547409.93", "usd", "en")).toBe("$90,071,992,547,409.93")
    expect(formatMoney({ numeric: 12.5, toString: () => "12.5" } as never, "eur", "en")).toBe("€12.50")
  })

  it("shows nothing it cannot read as an amount as zero rather than NaN", () => {
    expect(formatMoney(null, "eur", "en")).toBe("€0.00")
    expect(formatMoney("abc", "eur", "en")).toBe("€0.00")
  })
})
