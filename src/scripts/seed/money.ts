/**
 * The seed data keeps prices in integer minor units (cents); Medusa stores major-unit amounts (29.99).
 * The conversion is a decimal shift done with Medusa's BigNumber maths, so 2999 becomes exactly 29.99 and no float
 * division ever needs rounding.
 */
import { defaultCurrencies, MathBN, MedusaError } from "@medusajs/framework/utils"
import type { MinorUnitPrices } from "./types"

export function assertMinorUnits(value: unknown, what: string): asserts value is number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${what} must be a whole, non-negative number of minor units (cents), got ${JSON.stringify(value)}`
    )
  }
}

function decimalDigits(currencyCode: string): number {
  const currency = defaultCurrencies[currencyCode.toUpperCase()]
  if (!currency) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown currency "${currencyCode}"`)
  }
  return currency.decimal_digits
}

/** 2999 (eur) → 29.99; 500 (jpy, no minor unit) → 500. */
export function toMajorUnits(minorUnits: number, currencyCode: string): number {
  assertMinorUnits(minorUnits, `Amount in ${currencyCode}`)
  return MathBN.div(minorUnits, 10 ** decimalDigits(currencyCode)).toNumber()
}

/** `{ eur: 2999, usd: 3299 }` → Medusa price inputs `[{ currency_code: "eur", amount: 29.99 }, …]`. */
export function toPriceInputs(prices: MinorUnitPrices): { currency_code: string; amount: number }[] {
  return Object.entries(prices).map(([currencyCode, minorUnits]) => ({
    currency_code: currencyCode,
    amount: toMajorUnits(minorUnits, currencyCode),
  }))
}
