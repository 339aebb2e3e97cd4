/** An amount as Medusa gives it: a number, a decimal string, or a BigNumber-like object. */
export type Amount = number | string | { toString(): string } | null | undefined

/** The amount's exact decimal text, from Medusa's value (BigNumber, raw `{ value }`, string or number). */
function decimalText(amount: Amount): string {
  if (amount === null || amount === undefined) {
    return "0"
  }
  if (typeof amount === "object" && "value" in (amount as object)) {
    return String((amount as { value: unknown }).value)
  }
  if (typeof amount === "object" && typeof (amount as { numeric?: unknown }).numeric === "number") {
    return String((amount as { numeric: number }).numeric)
  }
  return String(amount)
}

/**
 * Medusa's amounts are in the currency's main unit (12.5 is €12.50). Intl formats the exact decimal string (not a
 * float rounded by hand), with the currency's own digits (¥1,500; 1.234,50 €) in the email's language.
 */
export function formatMoney(amount: Amount, currencyCode: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: "currency", currency: currencyCode.toUpperCase() })
  const text = decimalText(amount)
  return format.format((/^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(text) ? text : "0") as unknown as number)
}

/** True when the amount is not zero (a discount or shipping line worth showing). */
export function isNonZero(amount: Amount): boolean {
  return Number(decimalText(amount)) !== 0
}
