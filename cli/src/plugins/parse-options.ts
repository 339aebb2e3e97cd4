import { UsageError } from "../shared/project"
import type { OptionValue } from "../shared/plugin-kinds"

/** What may follow `env:`: an environment variable's name, nothing else (it is written as `process.env.NAME`). */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * `--option key=value` pairs as literal values: true/false become booleans, numbers numbers, `a,b` a list,
 * `env:NAME` is written as `process.env.NAME` (keep secrets out of medusa-config.ts). A value whose default is a
 * list stays a list even with one item. The defaults come from the plugin's package.json and are checked the same
 * way: only literals and variable names ever reach medusa-config.ts.
 */
export function parseOptions(pairs: string[], defaults: Record<string, OptionValue> = {}): Record<string, OptionValue> {
  const options: Record<string, OptionValue> = {}
  for (const [key, value] of Object.entries(defaults)) {
    options[checkedKey(key, `the plugin's default option "${key}"`)] = checkedDefault(key, value)
  }
  for (const pair of pairs) {
    const separator = pair.indexOf("=")
    const key = separator > 0 ? pair.slice(0, separator) : ""
    if (!/^[A-Za-z_][\w]*$/.test(key)) {
      throw new UsageError(
        `--option takes key=value with a plain key, e.g. --option apiKey=env:ACME_API_KEY (got "${pair}")`
      )
    }
    const raw = pair.slice(separator + 1)
    const isList = Array.isArray(defaults[key]) || raw.includes(",")
    const value = isList
      ? raw
          .split(",")
          .map((item) => item.trim())
          .filter(Boolean)
      : scalar(raw)
    options[key] = checkedEnvReferences(value, `--option ${key}`)
  }
  return options
}

function scalar(raw: string): OptionValue {
  if (raw === "true" || raw === "false") {
    return raw === "true"
  }
  if (raw !== "" && /^-?\d+(\.\d+)?$/.test(raw) && Number.isFinite(Number(raw))) {
    return Number(raw)
  }
  return raw
}

function checkedKey(key: string, what: string): string {
  if (!/^[A-Za-z_][\w]*$/.test(key)) {
    throw new UsageError(`${what}: the key must be a plain name`)
  }
  return key
}

function checkedDefault(key: string, value: unknown): OptionValue {
  const literal = (item: unknown) =>
    typeof item === "string" || typeof item === "boolean" || (typeof item === "number" && Number.isFinite(item))
  const ok = literal(value) || (Array.isArray(value) && value.every((item) => typeof item === "string"))
  if (!ok) {
    throw new UsageError(`the plugin's default option "${key}" must be a string, number, boolean or list of strings`)
  }
  return checkedEnvReferences(value as OptionValue, `the plugin's default option "${key}"`)
}

/** `env:` followed by anything but a variable name would be written into medusa-config.ts as code: refused. */
function checkedEnvReferences(value: OptionValue, what: string): OptionValue {
  for (const item of Array.isArray(value) ? value : [value]) {
    if (typeof item === "string" && item.startsWith("env:") && !ENV_NAME.test(item.slice(4))) {
      throw new UsageError(
        `${what}: "env:" must be followed by an environment variable's name (letters, digits and _, not ` +
          `starting with a digit), e.g. env:ACME_API_KEY (got "${item.slice(0, 60)}")`
      )
    }
  }
  return value
}
