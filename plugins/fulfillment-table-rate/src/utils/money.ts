/**
 * Minor-unit helpers that need no server code, so the admin editor uses the same rules as the API.
 * Amounts are parsed from text digit by digit: "4.95" becomes 495 without ever going through a float.
 */

/** The largest amount (minor units) and weight (grams) a rate table accepts: PostgreSQL's integer. */
export const MAX_INTEGER_VALUE = 2_147_483_647

/** Decimal digits of a currency's minor unit (EUR 2, JPY 0, BHD 3), from the runtime's currency data. */
export function currencyDigits(currencyCode: string): number {
  try {
    return (
      new Intl.NumberFormat("en", { style: "currency", currency: currencyCode.toUpperCase() }).resolvedOptions()
        .maximumFractionDigits ?? 2
    )
  } catch {
    return 2
  }
}

/** "12.5" (EUR) → 1250; "" → null; returns undefined when the text is not an amount with at most `digits` decimals. */
export function parseMinorUnits(text: string, digits: number): number | null | undefined {
  const trimmed = text.trim()
  if (trimmed === "") {
    return null
  }
  const match = /^(-?)(\d+)(?:[.,](\d*))?$/.exec(trimmed)
  if (!match || (match[3] ?? "").length > digits) {
    return undefined
  }
  const [, sign, whole, fraction = ""] = match
  const value = Number(whole + fraction.padEnd(digits, "0"))
  return sign ? -value : value
}

/** 1250 (EUR) → "12.50"; 500 (JPY) → "500". */
export function formatMinorUnits(value: number, digits: number): string {
  const negative = value < 0
  const text = String(Math.abs(value)).padStart(digits + 1, "0")
  const formatted = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`
  return negative ? `-${formatted}` : formatted
}
