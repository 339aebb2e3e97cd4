import type { Attributes, AttributeValue } from "@medusajs/framework/opentelemetry/api"

export const REDACTED = "[redacted]"
export const MASKED_EMAIL = "[email]"

// Names whose value is a credential whatever it looks like: request headers Medusa copies onto its HTTP span
// (authorization, cookie, x-publishable-api-key, stripe-signature, paypal-transmission-sig, …) and keys like them.
const SENSITIVE_NAME =
  /authorization|cookie|token|secret|passw(or)?d|passphrase|api[-_]?key|publishable|credential|signature|private[-_]?key|(^|\.)paypal-/i

// Query parameters that carry personal data or one-time codes without a sensitive-looking name.
const SENSITIVE_PARAM = /^(email|code|state)$/i

/** Whether an attribute (or query parameter) of this name must never leave the process with its value. */
export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAME.test(name)
}

const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/[^\s/:@]+):[^\s/@]+@/gi
const QUERY_PARAM = /([?&;])([^=&;#\s]+)=([^&;#\s]*)/g
const AUTH_SCHEME = /\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]+/gi
const JWT = /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g
// `%40` too: an email in a URL's query or path arrives percent-encoded.
const EMAIL = /[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g

/**
 * A text with what may be secret or personal taken out: passwords in URLs, sensitive query parameters, bearer and
 * basic credentials, JWTs and email addresses. Used on every string an exported span carries (attribute values, its
 * name, status message, event names), since Medusa builds some of them from the raw URL and from error messages.
 */
export function redactText(text: string): string {
  return text
    .replace(URL_CREDENTIALS, `$1:${REDACTED}@`)
    .replace(QUERY_PARAM, (whole, separator: string, name: string) =>
      isSensitiveName(name) || SENSITIVE_PARAM.test(name) ? `${separator}${name}=${REDACTED}` : whole
    )
    .replace(AUTH_SCHEME, `$1 ${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(EMAIL, MASKED_EMAIL)
}

function redactValue(value: AttributeValue): AttributeValue {
  if (typeof value === "string") {
    return redactText(value)
  }
  if (Array.isArray(value)) {
    return value.map((item) => (typeof item === "string" ? redactText(item) : item)) as AttributeValue
  }
  return value
}

/** A copy of the attributes: sensitive names keep their key with the value "[redacted]", other strings are cleaned. */
export function redactAttributes(attributes: Attributes): Attributes {
  const clean: Attributes = {}
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined) {
      continue
    }
    clean[key] = isSensitiveName(key) ? REDACTED : redactValue(value)
  }
  return clean
}
