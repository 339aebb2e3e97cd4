/**
 * The price of a table-rate shipping option for a cart: pure and synchronous, so it runs on every cart refresh
 * without touching the database. Amounts are exact (Medusa's BigNumber maths); nothing is rounded except the final
 * conversion of an integer number of minor units into Medusa's major-unit amount, which is exact too.
 *
 * - weight = Σ quantity × weight of the variant (grams), falling back to the product's weight;
 * - subtotal = Σ quantity × unit price of the items this option ships (before discounts, as the cart prices them);
 * - the row whose ranges hold both (min inclusive, max exclusive; null max = no bound) gives the base price;
 * - price = row price + handling fee × units shipped, or 0 when the subtotal is at least the "free over" amount
 *   (a cart still needs a matching row: "free over" never lifts a weight limit).
 */
import { MathBN } from "@medusajs/framework/utils"
import { currencyDigits } from "./money"
import type { RateRowInput, StoredRateTable } from "./rate-table-types"

type Numeric = number | string | { value?: unknown } | null | undefined
type Big = ReturnType<typeof MathBN.convert>

export interface RateCartItem {
  quantity: Numeric
  unit_price: Numeric
  title?: string | null
  variant_sku?: string | null
  variant?: { weight?: number | null } | null
  product?: { weight?: number | null } | null
}

export interface RateCart {
  currency_code: string
  items: RateCartItem[]
}

/** What to do with an item that has no weight on its variant nor its product. */
export type MissingWeightPolicy = "zero" | "unavailable"

export type RateQuote =
  | {
      available: true
      /** Medusa amount in major units (4.95 for €4.95). */
      amount: number
      amount_minor: number
      weight: number
      subtotal_minor: string
      /** 1-based row of the table (among all rows) that matched. */
      row: number
      free: boolean
    }
  | {
      available: false
      code: "no_rates_for_currency" | "missing_weight" | "too_heavy" | "no_matching_row" | "empty_cart"
      message: string
    }

export interface CompiledCurrencyTable {
  digits: number
  rows: (RateRowInput & { n: number })[]
  handlingFee: number
  freeOver: number | null
  /** The largest weight any row covers (exclusive), null when some row has no upper bound. */
  weightLimit: number | null
}

export interface CompiledRateTable {
  shippingOptionId: string
  version: number
  currencies: Map<string, CompiledCurrencyTable>
}

/** Groups a stored table by currency once, so each quote only scans its currency's rows. */
export function compileRateTable(table: StoredRateTable): CompiledRateTable {
  const currencies = new Map<string, CompiledCurrencyTable>()
  table.rows.forEach((row, index) => {
    const code = row.currency_code.toLowerCase()
    let entry = currencies.get(code)
    if (!entry) {
      entry = {
        digits: currencyDigits(code),
        rows: [],
        handlingFee: table.handling_fee?.[code] ?? 0,
        freeOver: table.free_over?.[code] ?? null,
        weightLimit: 0,
      }
      currencies.set(code, entry)
    }
    entry.rows.push({ ...row, currency_code: code, n: index + 1 })
  })
  for (const entry of currencies.values()) {
    entry.weightLimit = entry.rows.some((r) => r.max_weight === null)
      ? null
      : Math.max(...entry.rows.map((r) => r.max_weight as number))
  }
  return { shippingOptionId: table.shipping_option_id, version: table.version, currencies }
}

/** Cart numbers arrive as numbers, strings or Medusa BigNumber objects; MathBN reads them all exactly. */
function toBig(value: Numeric): Big {
  return MathBN.convert((value ?? 0) as any)
}

function inRange(value: Big, min: number, max: number | null): boolean {
  return MathBN.gte(value, min) && (max === null || MathBN.lt(value, max))
}

export function quoteTableRate(
  table: CompiledRateTable,
  cart: RateCart,
  options: { missingWeight: MissingWeightPolicy; optionName?: string }
): RateQuote {
  const currency = (cart.currency_code ?? "").toLowerCase()
  const rates = table.currencies.get(currency)
  const name = options.optionName ? `"${options.optionName}"` : "This shipping option"
  if (!rates) {
    return {
      available: false,
      code: "no_rates_for_currency",
      message: `${name} has no rates in ${currency.toUpperCase() || "this currency"}`,
    }
  }
  if (!cart.items?.length) {
    return { available: false, code: "empty_cart", message: "The cart has no items to ship" }
  }

  let weight = MathBN.convert(0)
  let subtotal = MathBN.convert(0)
  let units = MathBN.convert(0)
  for (const item of cart.items) {
    const quantity = toBig(item.quantity)
    const itemWeight = item.variant?.weight ?? item.product?.weight
    if (itemWeight === null || itemWeight === undefined) {
      if (options.missingWeight === "unavailable") {
        const label = [item.title, item.variant_sku].filter(Boolean).join(", ") || "an item"
        return {
          available: false,
          code: "missing_weight",
          message: `${name} needs item weights, and ${label} has none`,
        }
      }
    } else {
      weight = MathBN.add(weight, MathBN.mult(quantity, itemWeight))
    }
    subtotal = MathBN.add(subtotal, MathBN.mult(quantity, toBig(item.unit_price)))
    units = MathBN.add(units, quantity)
  }
  const subtotalMinor = MathBN.mult(subtotal, MathBN.convert(10).pow(rates.digits))
  const grams = weight.toNumber()

  const row = rates.rows.find(
    (r) => inRange(weight, r.min_weight, r.max_weight) && inRange(subtotalMinor, r.min_subtotal, r.max_subtotal)
  )
  if (!row) {
    if (rates.weightLimit !== null && MathBN.gte(weight, rates.weightLimit)) {
      return {
        available: false,
        code: "too_heavy",
        message: `${name} ships up to ${rates.weightLimit} g; this cart weighs ${grams} g`,
      }
    }
    return {
      available: false,
      code: "no_matching_row",
      message: `${name} has no rate for a cart of ${grams} g with a subtotal of ${subtotal.toString()} ${currency.toUpperCase()}`,
    }
  }

  const free = rates.freeOver !== null && MathBN.gte(subtotalMinor, rates.freeOver)
  const minor = free ? MathBN.convert(0) : MathBN.add(row.price, MathBN.mult(rates.handlingFee, units))
  return {
    available: true,
    amount: MathBN.div(minor, MathBN.convert(10).pow(rates.digits)).toNumber(),
    amount_minor: minor.toNumber(),
    weight: grams,
    subtotal_minor: subtotalMinor.toString(),
    row: row.n,
    free,
  }
}
