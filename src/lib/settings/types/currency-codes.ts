import { settingType } from "../setting-type"

/** "eur, USD" → ["eur", "usd"]: ISO 4217 codes, lower case, each once. */
export const currencyCodes = settingType('ISO 4217 codes like "eur,usd"', (text) => {
  const codes = text.split(",").map((code) => code.trim().toLowerCase())
  return codes.every((code) => /^[a-z]{3}$/.test(code)) ? [...new Set(codes)] : undefined
})
