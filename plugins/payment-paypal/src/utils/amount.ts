import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"

/**
 * Currencies PayPal accepts only in whole units (its currency-codes reference: "does not support decimals").
 * Every other currency PayPal supports takes two decimals.
 */
const ZERO_DECIMAL = new Set(["HUF", "JPY", "TWD"])

export function currencyDigits(currency: string): number {
  return ZERO_DECIMAL.has(currency.toUpperCase()) ? 0 : 2
}

/**
 * Medusa amount (main unit, any precision) → PayPal's `{ currency_code, value }` with the currency's decimals,
 * rounded half up ("12.5" EUR → "12.50"; 1234.6 JPY → "1235"). Refuses negative or non-numeric amounts.
 */
export function toPayPalAmount(amount: BigNumberInput, currency: string): { currency_code: string; value: string } {
  const digits = currencyDigits(currency)
  const value = MathBN.convert(amount)
  if (value.isNaN() || value.isNegative()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid amount for PayPal: ${value.toString()}`)
  }
  return { currency_code: currency.toUpperCase(), value: value.toFixed(digits, 4 /* ROUND_HALF_UP */) }
}

/** PayPal's decimal string → a number in the main unit (what Medusa stores). */
export function fromPayPalAmount(value: string | undefined): number {
  return value === undefined ? 0 : Number(value)
}
