import { resetSettings } from "../../src/lib/settings"

/**
 * Sets (a value) or unsets (undefined) environment variables of the app under test, which runs in this process and
 * keeps its settings once read (src/lib/settings): they are read again on the next use.
 */
export function setAppEnv(vars: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(vars)) {
    if (value === undefined) {
      delete process.env[name]
    } else {
      process.env[name] = value
    }
  }
  resetSettings()
}
