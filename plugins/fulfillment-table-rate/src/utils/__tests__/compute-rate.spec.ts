import { compileRateTable, quoteTableRate, type RateCart } from "../compute-rate"
import type { StoredRateTable } from "../rate-table-types"

/**
 * EUR: up to 1 kg 4.95 (under €50) or 2.95 (from €50), 1–5 kg 7.95, 5–20 kg 12.95, nothing above 20 kg;
 * free from €100; 0.25 handling per unit. USD: one unbounded row at 5.50, no threshold. JPY: 800 yen, no decimals.
 */
const table: StoredRateTable = {
  shipping_option_id: "so_test",
  version: 3,
  handling_fee: { eur: 25 },
  free_over: { eur: 10000 },
  rows: [
    { currency_code: "eur", min_weight: 0, max_weight: 1000, min_subtotal: 0, max_subtotal: 5000, price: 495 },
    { currency_code: "eur", min_weight: 0, max_weight: 1000, min_subtotal: 5000, max_subtotal: null, price: 295 },
    { currency_code: "eur", min_weight: 1000, max_weight: 5000, min_subtotal: 0, max_subtotal: null, price: 795 },
    { currency_code: "eur", min_weight: 5000, max_weight: 20000, min_subtotal: 0, max_subtotal: null, price: 1295 },
    { currency_code: "usd", min_weight: 0, max_weight: null, min_subtotal: 0, max_subtotal: null, price: 550 },
    { currency_code: "jpy", min_weight: 0, max_weight: null, min_subtotal: 0, max_subtotal: null, price: 800 },
  ],
}
const compiled = compileRateTable(table)
const options = { missingWeight: "zero" as const, optionName: "Standard" }

function cart(
  currency: string,
  items: { grams?: number | null; productGrams?: number | null; price: number | string; qty?: number }[]
): RateCart {
  return {
    currency_code: currency,
    items: items.map((item, i) => ({
      title: `Item ${i + 1}`,
      variant_sku: `SKU-${i + 1}`,
      quantity: item.qty ?? 1,
      unit_price: item.price,
      variant: { weight: item.grams ?? null },
      product: { weight: item.productGrams ?? null },
    })),
  }
}

function price(c: RateCart) {
  const quote = quoteTableRate(compiled, c, options)
  if (!quote.available) {
    throw new Error(`expected a price, got ${quote.code}: ${quote.message}`)
  }
  return quote
}

describe("quoteTableRate: weight ranges are inclusive-exclusive", () => {
  it("prices 0 g and 999 g in the first row, exactly 1000 g in the second weight band", () => {
    expect(price(cart("eur", [{ grams: 0, price: 10 }])).amount).toBe(4.95 + 0.25)
    expect(price(cart("eur", [{ grams: 999, price: 10 }])).row).toBe(1)
    const atEdge = price(cart("eur", [{ grams: 1000, price: 10 }]))
    expect(atEdge.row).toBe(3)
    expect(atEdge.amount).toBe(7.95 + 0.25)
  })

  it("sums quantity × weight across items", () => {
    // 3 × 300 g + 1 × 100 g = 1000 g: the second band, not the first.
    const quote = price(
      cart("eur", [
        { grams: 300, qty: 3, price: 5 },
        { grams: 100, price: 5 },
      ])
    )
    expect(quote.weight).toBe(1000)
    expect(quote.row).toBe(3)
    expect(quote.amount_minor).toBe(795 + 4 * 25)
  })

  it("withholds the option for a cart at or above the heaviest bound, saying why", () => {
    expect(price(cart("eur", [{ grams: 19999, price: 10 }])).row).toBe(4)
    const quote = quoteTableRate(compiled, cart("eur", [{ grams: 20000, price: 10 }]), options)
    expect(quote).toMatchObject({ available: false, code: "too_heavy" })
    expect(quote.available || quote.message).toMatch(/up to 20000 g; this cart weighs 20000 g/)
  })
})

describe("quoteTableRate: subtotal ranges and the free-over threshold", () => {
  it("switches rows exactly at the subtotal bound (€49.99 vs €50.00)", () => {
    expect(price(cart("eur", [{ grams: 500, price: 49.99 }])).amount_minor).toBe(495 + 25)
    expect(price(cart("eur", [{ grams: 500, price: 50 }])).amount_minor).toBe(295 + 25)
  })

  it("ships free from exactly €100.00, not at €99.99", () => {
    expect(price(cart("eur", [{ grams: 2000, price: 99.99 }])).free).toBe(false)
    const free = price(cart("eur", [{ grams: 2000, price: 50, qty: 2 }]))
    expect(free).toMatchObject({ free: true, amount: 0, amount_minor: 0 })
  })

  it("does not lift a weight limit for a cart over the threshold", () => {
    expect(quoteTableRate(compiled, cart("eur", [{ grams: 25000, price: 500 }]), options)).toMatchObject({
      available: false,
      code: "too_heavy",
    })
  })

  it("keeps decimal subtotals exact (3 × 16.67 = 50.01, not 50.009999…)", () => {
    const quote = price(cart("eur", [{ grams: 100, price: 16.67, qty: 3 }]))
    expect(quote.subtotal_minor).toBe("5001")
    expect(quote.row).toBe(2)
  })

  it("reads Medusa BigNumber-shaped prices and quantities", () => {
    const quote = quoteTableRate(
      compiled,
      {
        currency_code: "eur",
        items: [{ quantity: { value: "2" }, unit_price: { value: "25" }, variant: { weight: 100 } }],
      },
      options
    )
    expect(quote).toMatchObject({ available: true, subtotal_minor: "5000", row: 2 })
  })
})

describe("quoteTableRate: currencies", () => {
  it("uses the rows of the cart's currency only", () => {
    expect(price(cart("usd", [{ grams: 50000, price: 1 }]))).toMatchObject({ amount: 5.5, row: 5, free: false })
    expect(price(cart("EUR", [{ grams: 10, price: 1 }])).row).toBe(1)
  })

  it("converts minor units with the currency's own digits (JPY has none)", () => {
    expect(price(cart("jpy", [{ grams: 10, price: 1200 }])).amount).toBe(800)
  })

  it("withholds the option in a currency without rows", () => {
    const quote = quoteTableRate(compiled, cart("gbp", [{ grams: 10, price: 1 }]), options)
    expect(quote).toMatchObject({ available: false, code: "no_rates_for_currency" })
    expect(quote.available || quote.message).toContain("GBP")
  })
})

describe("quoteTableRate: missing weights", () => {
  it("falls back to the product's weight", () => {
    const quote = price(cart("eur", [{ grams: null, productGrams: 1500, price: 10 }]))
    expect(quote.weight).toBe(1500)
    expect(quote.row).toBe(3)
  })

  it("counts an item without any weight as 0 g by default", () => {
    expect(
      price(
        cart("eur", [
          { grams: null, price: 10 },
          { grams: 200, price: 10 },
        ])
      ).weight
    ).toBe(200)
  })

  it("withholds the option, naming the item, with missingWeight: unavailable", () => {
    const quote = quoteTableRate(
      compiled,
      cart("eur", [
        { grams: 200, price: 1 },
        { grams: null, price: 1 },
      ]),
      {
        missingWeight: "unavailable",
      }
    )
    expect(quote).toMatchObject({ available: false, code: "missing_weight" })
    expect(quote.available || quote.message).toContain("Item 2, SKU-2")
  })

  it("treats 0 g as a weight, not a missing one", () => {
    expect(
      quoteTableRate(compiled, cart("eur", [{ grams: 0, price: 1 }]), { missingWeight: "unavailable" }).available
    ).toBe(true)
  })
})

it("says an empty cart has nothing to ship", () => {
  expect(quoteTableRate(compiled, { currency_code: "eur", items: [] }, options)).toMatchObject({
    available: false,
    code: "empty_cart",
  })
})
