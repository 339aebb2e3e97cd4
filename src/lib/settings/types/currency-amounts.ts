import { settingType } from "../setting-type"

/**
 * "eur:2.5,usd:3" → { eur: 2.5, usd: 3 }: an amount per currency, a decimal in major units. An empty or
 * non-numeric amount is a typo, not a free fee.
 */
export const currencyAmounts = settingType('amounts per currency like "eur:2.5,usd:3"', (text) => {
  const amounts: Record<string, number> = {}
  for (const part of text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [currency, amount, ...rest] = part.split(":")
    if (rest.length || !/^[a-z]{3}$/i.test(currency ?? "") || !/^\d+(\.\d+)?$/.test((amount ?? "").trim())) {
      return undefined
    }
    amounts[currency.toLowerCase()] = Number(amount)
  }
  return amounts
})
