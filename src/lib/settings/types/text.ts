import { settingType, type SettingType } from "../setting-type"

/** Any text (checked by whoever consumes it: Medusa, a plugin's own options validation, a URL parser). */
export const text: SettingType<string> = settingType("text", (value) => value)

/** A shared secret: at least `min` characters, so that it cannot be guessed. A refusal never prints it. */
export function secret(min: number): SettingType<string> {
  const expected = `a random string of at least ${min} characters`
  return {
    expected,
    parse(value, variable) {
      if (value.length < min) {
        throw new Error(
          `${variable} must be ${expected} (it has ${value.length}; generate one with: openssl rand -base64 32)`
        )
      }
      return value
    },
  }
}

/** An http(s) or redis(s) or postgres URL: something `new URL` reads with one of `schemes`. */
export function url(schemes: string[]): SettingType<string> {
  const expected = `a URL starting with ${schemes.map((scheme) => `${scheme}://`).join(" or ")}`
  return settingType(expected, (value) => {
    try {
      return schemes.includes(new URL(value).protocol.replace(/:$/, "")) ? value : undefined
    } catch {
      return undefined
    }
  })
}
