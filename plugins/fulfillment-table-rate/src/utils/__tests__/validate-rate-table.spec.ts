import { formatMinorUnits, parseMinorUnits } from "../money"
import { validateRateTable } from "../validate-rate-table"

const CURRENCIES = ["eur", "usd"]
const row = (over: Record<string, unknown> = {}) => ({
  currency_code: "eur",
  min_weight: 0,
  max_weight: null,
  min_subtotal: 0,
  max_subtotal: null,
  price: 495,
  ...over,
})

function messages(input: unknown): string[] {
  return validateRateTable(input, CURRENCIES).problems.map((p) => p.message)
}

describe("validateRateTable", () => {
  it("accepts a tiled table and normalises it", () => {
    const result = validateRateTable(
      {
        rows: [
          row({ currency_code: "EUR", max_weight: 1000, max_subtotal: 5000 }),
          row({ max_weight: 1000, min_subtotal: 5000, price: 0 }),
          row({ min_weight: 1000, max_weight: 5000 }),
          row({ currency_code: "usd", min_weight: undefined, price: 550 }),
        ],
        handling_fee: { eur: 25 },
        free_over: { EUR: 10000 },
      },
      CURRENCIES
    )
    expect(result.problems).toEqual([])
    expect(result.table!.rows[0]).toEqual({
      currency_code: "eur",
      min_weight: 0,
      max_weight: 1000,
      min_subtotal: 0,
      max_subtotal: 5000,
      price: 495,
    })
    expect(result.table!.rows[3].min_weight).toBe(0)
    expect(result.table!.free_over).toEqual({ eur: 10000 })
  })

  it("names an overlapping row and the row it overlaps", () => {
    expect(messages({ rows: [row({ max_weight: 1000 }), row({ min_weight: 500, max_weight: 2000 })] })).toEqual([
      "Row 2 overlaps row 1 (EUR, 0 g–1000 g, subtotal 0.00–∞)",
    ])
  })

  it("accepts ranges that only touch (the upper bound is exclusive)", () => {
    expect(messages({ rows: [row({ max_weight: 1000 }), row({ min_weight: 1000 })] })).toEqual([])
  })

  it("finds a weight gap and names the row after it", () => {
    expect(messages({ rows: [row({ max_weight: 1000 }), row({ min_weight: 1500, max_weight: 3000 })] })).toEqual([
      "Row 2: no EUR row covers weights 1000 g–1500 g (a gap before this row)",
    ])
  })

  it("requires weights to start at 0 g", () => {
    expect(messages({ rows: [row({ min_weight: 100 })] })).toEqual([
      "Row 1: no EUR row covers weights 0 g–100 g (weight ranges must start at 0 g)",
    ])
  })

  it("finds a subtotal gap within a weight band", () => {
    expect(
      messages({
        rows: [
          row({ max_weight: 1000, max_subtotal: 5000 }),
          row({ max_weight: 1000, min_subtotal: 6000 }),
          row({ min_weight: 1000 }),
        ],
      })
    ).toEqual(["Row 2: no EUR row covers subtotals 50.00–60.00 for weights 0 g–1000 g (a gap before this row)"])
  })

  it("checks each currency on its own (EUR rows do not fill a USD gap)", () => {
    expect(messages({ rows: [row(), row({ currency_code: "usd", min_weight: 10 })] })).toEqual([
      "Row 2: no USD row covers weights 0 g–10 g (weight ranges must start at 0 g)",
    ])
  })

  it("rejects negative, fractional and missing prices, naming the row", () => {
    expect(messages({ rows: [row(), row({ currency_code: "usd", price: -1 })] })).toEqual([
      "Row 2: price must not be negative",
    ])
    expect(messages({ rows: [row({ price: 4.5 })] })[0]).toMatch(/^Row 1: price must be a whole number/)
    expect(messages({ rows: [row({ price: undefined })] })).toEqual(["Row 1: price is missing"])
    expect(messages({ rows: [row({ price: "4.95" })] })).toEqual(['Row 1: price must be a number, got "4.95"'])
  })

  it("rejects a missing or unknown currency", () => {
    expect(messages({ rows: [row(), row({ currency_code: "" })] })).toEqual(["Row 2: currency is missing"])
    expect(messages({ rows: [row({ currency_code: "xyz" })] })).toEqual([
      'Row 1: unknown currency "xyz" (the store uses eur, usd)',
    ])
    expect(validateRateTable({ rows: [row({ currency_code: "xyz" })] }, null).problems).toEqual([])
  })

  it("rejects max ≤ min", () => {
    expect(messages({ rows: [row({ min_weight: 0, max_weight: 0 })] })).toEqual([
      "Row 1: maximum weight (0 g) must be greater than the minimum (0 g)",
    ])
  })

  it("checks handling fees and thresholds per currency", () => {
    expect(messages({ rows: [row()], free_over: { usd: 100 } })).toEqual(["Free over: USD has no rows"])
    expect(messages({ rows: [row()], handling_fee: { eur: -5 } })).toEqual(["Handling fee (EUR) must not be negative"])
    expect(messages({ rows: [row()], handling_fee: { gbp: 5 } })).toEqual(['Handling fee: unknown currency "gbp"'])
  })

  it("rejects an empty table and a body without rows", () => {
    expect(messages({ rows: [] })).toEqual(["Add at least one row"])
    expect(messages({})).toEqual(["rows must be a list of rate rows"])
  })
})

describe("minor units", () => {
  it("parses amounts without floats and refuses extra decimals", () => {
    expect(parseMinorUnits("4.95", 2)).toBe(495)
    expect(parseMinorUnits("4,9", 2)).toBe(490)
    expect(parseMinorUnits("0.1", 2)).toBe(10)
    expect(parseMinorUnits("19.999", 2)).toBeUndefined()
    expect(parseMinorUnits("800", 0)).toBe(800)
    expect(parseMinorUnits("-1", 2)).toBe(-100)
    expect(parseMinorUnits(" ", 2)).toBeNull()
    expect(parseMinorUnits("abc", 2)).toBeUndefined()
  })

  it("formats minor units", () => {
    expect(formatMinorUnits(495, 2)).toBe("4.95")
    expect(formatMinorUnits(5, 2)).toBe("0.05")
    expect(formatMinorUnits(800, 0)).toBe("800")
  })
})
