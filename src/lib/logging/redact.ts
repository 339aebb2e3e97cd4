/**
 * What must never reach a log line: credentials and the shopper's address. Applied to every message and string
 * field of Tienda's and Medusa's log lines (log-format.ts). Emails keep their first letter and domain, enough to
 * tell two customers apart in an incident, not to contact them.
 */
const RULES: Array<[RegExp, string | ((match: string, ...groups: string[]) => string)]> = [
  // user:password@ in connection URLs (postgres://, redis://, amqp://, https://…).
  [/\b([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*):[^@\s/]+@/gi, "$1:[redacted]@"],
  // Authorization values.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, "$1 [redacted]"],
  // JSON Web Tokens (header.payload.signature, base64url).
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g, "[redacted-jwt]"],
  // Provider secrets: Stripe secret, restricted and webhook keys.
  [/\b(sk|rk)_(live|test)_[A-Za-z0-9]{8,}/g, "$1_$2_[redacted]"],
  [/\bwhsec_[A-Za-z0-9]{8,}/g, "whsec_[redacted]"],
  // password=…, "password":"…", token: … (secret-looking names followed by a value).
  [/((?:password|passwd|secret|token|api[_-]?key|authorization)["']?\s*[:=]\s*["']?)[^"'\s,}&]+/gi, "$1[redacted]"],
  // Email addresses: a***@example.com
  [/\b([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})\b/g, "$1***@$2"],
]

export function redact(text: string): string {
  let result = text
  for (const [pattern, replacement] of RULES) {
    result = result.replace(pattern, replacement as string)
  }
  return result
}

/** A log record's fields, strings redacted, nested objects and arrays walked (to a bounded depth). */
export function redactFields<T>(value: T, depth = 0): T {
  if (typeof value === "string") {
    return redact(value) as T
  }
  if (depth > 6 || value === null || typeof value !== "object") {
    return value
  }
  if (Array.isArray(value)) {
    return value.map((item) => redactFields(item, depth + 1)) as T
  }
  const out: Record<string | symbol, unknown> = {}
  for (const key of Reflect.ownKeys(value)) {
    out[key] = redactFields((value as Record<string | symbol, unknown>)[key], depth + 1)
  }
  return out as T
}
