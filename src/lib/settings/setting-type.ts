/**
 * How one environment variable's text becomes a value. `parse` gets the trimmed, non-empty text (unset and blank
 * variables take the setting's default without reaching it) and throws an Error naming the variable when the text
 * is not a value of the type; `expected` says what a value looks like, for messages and docs.
 */
export interface SettingType<T> {
  expected: string
  parse(text: string, variable: string): T
}

/** The one shape of a refusal: `TIENDA_X must be <expected> (got "<text>")`. */
export function invalidSetting(variable: string, expected: string, text: string): Error {
  return new Error(`${variable} must be ${expected} (got "${text}")`)
}

/** A type whose values are exactly what `test` accepts, converted by `convert`. */
export function settingType<T>(expected: string, convert: (text: string) => T | undefined): SettingType<T> {
  return {
    expected,
    parse(text, variable) {
      const value = convert(text)
      if (value === undefined) {
        throw invalidSetting(variable, expected, text)
      }
      return value
    },
  }
}
