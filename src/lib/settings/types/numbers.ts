import { settingType, type SettingType } from "../setting-type"

// Digits only: Number() would also take "0x10", "1e3", " " and "Infinity".
const WHOLE = /^\d+$/
const DECIMAL = /^\d+(\.\d+)?$/

function whole(text: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const value = WHOLE.test(text) ? Number(text) : NaN
  return Number.isSafeInteger(value) && value >= min && value <= max ? value : undefined
}

/** 0, 1, 2, … of `unit` ("days", "milliseconds"); 0 usually means "off", as each setting says. */
export function wholeNumber(unit?: string): SettingType<number> {
  return settingType(unit ? `a whole number of ${unit} (0 or more)` : "a whole number (0 or more)", (t) => whole(t, 0))
}

/** 1, 2, 3, … of `unit`. */
export function positiveInteger(unit?: string): SettingType<number> {
  return settingType(unit ? `a whole number of ${unit} (1 or more)` : "a whole number (1 or more)", (t) => whole(t, 1))
}

/** A decimal above 0 of `unit` ("0.5" megabytes). */
export function positiveNumber(unit: string): SettingType<number> {
  return settingType(`a number of ${unit} above 0`, (t) => (DECIMAL.test(t) && Number(t) > 0 ? Number(t) : undefined))
}

export const port: SettingType<number> = settingType("a port number from 1 to 65535", (t) => whole(t, 1, 65_535))
