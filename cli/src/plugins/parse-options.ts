import { UsageError } from "../shared/project"
import type { OptionValue } from "../shared/plugin-kinds"

/**
 * `--option key=value` pairs as literal values: true/false become booleans, numbers numbers, `a,b` a list,
 * `env:NAME` is written as `process.env.NAME` (keep secrets out of medusa-config.ts). A value whose default is a
 * list stays a list even with one item.
 */
export function parseOptions(pairs: string[], defaults: Record<string, OptionValue> = {}): Record<string, OptionValue> {
  const options: Record<string, OptionValue> = { ...defaults }
  for (const pair of pairs) {
    const separator = pair.indexOf("=")
    const key = separator > 0 ? pair.slice(0, separator) : ""
    if (!/^[A-Za-z_][\w]*$/.test(key)) {
      throw new UsageError(`--option takes key=value with a plain key, e.g. --option apiKey=env:ACME_API_KEY (got "${pair}")`)
    }
    const raw = pair.slice(separator + 1)
    options[key] = Array.isArray(defaults[key]) || raw.includes(",") ? raw.split(",").map((item) => item.trim()).filter(Boolean) : scalar(raw)
  }
  return options
}

function scalar(raw: string): OptionValue {
  if (raw === "true" || raw === "false") {
    return raw === "true"
  }
  if (raw !== "" && /^-?\d+(\.\d+)?$/.test(raw)) {
    return Number(raw)
  }
  return raw
}
