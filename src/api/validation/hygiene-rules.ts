/**
 * Pure checks behind Tienda's one edge validator (request-hygiene.ts). Each returns a problem naming the parameter,
 * or nothing. Kept free of Express so they are unit-tested on their own.
 *
 * Why these rules exist: stock Medusa hands most of these values to PostgreSQL unchecked, and the database's refusal
 * (a NUL byte, a date like 2020-13-45, limit=-1) surfaced as a 500 carrying the SQL statement.
 */

export interface HygieneLimits {
  /** Longest accepted string in the query string, a path segment or a JSON body. */
  maxQueryString: number
  maxBodyString: number
  maxPathSegment: number
  /** Deepest accepted nesting of a JSON body, and of any `metadata` object inside it. */
  maxBodyDepth: number
  maxMetadataDepth: number
  /** Most keys accepted in one `metadata` object (all levels together). */
  maxMetadataKeys: number
  /** Largest accepted `limit`; above it store requests are refused, admin requests are clamped (see request-hygiene). */
  maxLimit: number
}

export const STORE_LIMITS: HygieneLimits = {
  maxQueryString: 1_000,
  maxBodyString: 5_000,
  maxPathSegment: 200,
  maxBodyDepth: 8,
  maxMetadataDepth: 4,
  maxMetadataKeys: 50,
  maxLimit: 100,
}

export const ADMIN_LIMITS: HygieneLimits = {
  maxQueryString: 5_000,
  // Product descriptions and notes are long; 200 KB of text in one field is already generous.
  maxBodyString: 200_000,
  maxPathSegment: 200,
  maxBodyDepth: 12,
  maxMetadataDepth: 4,
  maxMetadataKeys: 200,
  maxLimit: 1_000,
}

/** Filter operators Medusa's list endpoints understand; any other `$word` key is refused. */
export const FILTER_OPERATORS = new Set([
  "$eq",
  "$ne",
  "$in",
  "$nin",
  "$like",
  "$ilike",
  "$re",
  "$contains",
  "$gt",
  "$gte",
  "$lt",
  "$lte",
  "$exists",
  "$and",
  "$or",
  "$not",
  "$overlap",
])

// C0 controls except tab, line feed and carriage return; DEL. NUL is the one PostgreSQL rejects outright.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
// ISO 8601 date or date-time, as PostgreSQL accepts it for timestamptz.
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/

/** Problems of one string value: control characters, lone surrogates, length. */
export function stringProblem(value: string, name: string, maxLength: number): string | undefined {
  if (value.includes("\u0000")) {
    return `${name} must not contain NUL bytes`
  }
  if (CONTROL_CHARACTERS.test(value)) {
    return `${name} must not contain control characters`
  }
  if (LONE_SURROGATE.test(value)) {
    return `${name} must be valid Unicode (it contains a lone surrogate)`
  }
  if (value.length > maxLength) {
    return `${name} is too long (${value.length} characters; at most ${maxLength})`
  }
  return undefined
}

/** True when the string is a real calendar date (or date-time) in ISO 8601 form: 2020-13-45 is not. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value)
  if (!match) {
    return false
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (month < 1 || month > 12 || day < 1) {
    return false
  }
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > daysInMonth) {
    return false
  }
  const [hour, minute, second] = [Number(match[4] ?? 0), Number(match[5] ?? 0), Number(match[6] ?? 0)]
  return hour <= 23 && minute <= 59 && second <= 59
}

/** Date-valued filters: `created_at`, `updated_at`, `deleted_at`, `starts_at`… */
export function isDateField(key: string): boolean {
  return /_at$/.test(key)
}

/**
 * `limit` and `offset` of a list request. Returns a problem, or the accepted numbers. A `limit` above the maximum is
 * reported as `tooLarge` so the caller decides between refusing (store) and clamping (admin).
 */
export function paginationProblem(
  query: Record<string, unknown>,
  maxLimit: number
): { problem?: string; limitTooLarge?: boolean } {
  for (const name of ["limit", "offset"] as const) {
    if (!(name in query) || query[name] === undefined) {
      continue
    }
    const raw = query[name]
    if (typeof raw !== "string" || !/^\d+$/.test(raw)) {
      return {
        problem: `${name} must be a whole number${name === "limit" ? ` between 1 and ${maxLimit}` : " ≥ 0"} (got ${describe(raw)})`,
      }
    }
    const value = Number(raw)
    if (!Number.isSafeInteger(value)) {
      return { problem: `${name} is too large (got ${raw.slice(0, 20)})` }
    }
    if (name === "limit" && value < 1) {
      return { problem: `limit must be between 1 and ${maxLimit} (got ${raw})` }
    }
    if (name === "limit" && value > maxLimit) {
      return { limitTooLarge: true, problem: `limit must be between 1 and ${maxLimit} (got ${raw})` }
    }
  }
  return {}
}

// `order=-created_at` or `order=variants.title`: a field path, optionally descending.
const ORDER_FIELD = /^-?[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/

/** The `order` parameter names a field (optionally prefixed with "-"), nothing else. */
export function orderProblem(query: Record<string, unknown>): string | undefined {
  const order = query.order
  if (order === undefined) {
    return undefined
  }
  if (typeof order !== "string" || !ORDER_FIELD.test(order)) {
    return `order must be a field name, optionally prefixed with "-" for descending (got ${describe(order)})`
  }
  return undefined
}

/**
 * Walks a parsed query string (qs objects and arrays): strings are checked, `$operators` must be known and
 * date-valued fields must hold real dates. Returns the first problem.
 */
export function queryProblem(
  value: unknown,
  path: string,
  limits: HygieneLimits,
  dateField = false,
  depth = 0
): string | undefined {
  if (depth > 6) {
    return `${path} is nested too deeply`
  }
  if (typeof value === "string") {
    const problem = stringProblem(value, path, limits.maxQueryString)
    if (problem) {
      return problem
    }
    if (dateField && value !== "" && !isIsoDate(value)) {
      return `${path} must be an ISO 8601 date such as 2024-05-31 or 2024-05-31T12:00:00Z (got ${describe(value)})`
    }
    return undefined
  }
  if (Array.isArray(value)) {
    if (value.length > 1_000) {
      return `${path} has too many values (${value.length}; at most 1000)`
    }
    for (let i = 0; i < value.length; i++) {
      const problem = queryProblem(value[i], `${path}[${i}]`, limits, dateField, depth + 1)
      if (problem) {
        return problem
      }
    }
    return undefined
  }
  if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      const keyProblem = stringProblem(key, `parameter name in ${path || "the query"}`, 200)
      if (keyProblem) {
        return keyProblem
      }
      if (key.startsWith("$") && !FILTER_OPERATORS.has(key)) {
        return `${path ? `${path}[${key}]` : key}: unknown filter operator ${key} (known: ${[...FILTER_OPERATORS].join(", ")})`
      }
      const innerPath = path ? `${path}[${key}]` : key
      const problem = queryProblem(inner, innerPath, limits, dateField || isDateField(key), depth + 1)
      if (problem) {
        return problem
      }
    }
  }
  return undefined
}

/**
 * Walks a JSON body: every string (keys included) is checked, nesting is bounded overall and inside `metadata`,
 * and `metadata` objects are bounded in keys.
 */
export function bodyProblem(body: unknown, limits: HygieneLimits): string | undefined {
  return walkBody(body, "body", limits, 0, undefined)
}

function walkBody(
  value: unknown,
  path: string,
  limits: HygieneLimits,
  depth: number,
  metadata: { depth: number; keys: { count: number } } | undefined
): string | undefined {
  if (depth > limits.maxBodyDepth) {
    return `${path} is nested too deeply (at most ${limits.maxBodyDepth} levels)`
  }
  if (metadata && metadata.depth > limits.maxMetadataDepth) {
    return `${path}: metadata is nested too deeply (at most ${limits.maxMetadataDepth} levels)`
  }
  if (typeof value === "string") {
    return stringProblem(value, path, limits.maxBodyString)
  }
  if (typeof value === "number" && !Number.isFinite(value)) {
    return `${path} must be a finite number`
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = walkBody(
        value[i],
        `${path}[${i}]`,
        limits,
        depth + 1,
        metadata && { ...metadata, depth: metadata.depth + 1 }
      )
      if (problem) {
        return problem
      }
    }
    return undefined
  }
  if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      const keyProblem = stringProblem(key, `a key of ${path}`, 200)
      if (keyProblem) {
        return keyProblem
      }
      if (metadata && ++metadata.keys.count > limits.maxMetadataKeys) {
        return `${path}: metadata has too many keys (at most ${limits.maxMetadataKeys})`
      }
      const inMetadata = metadata
        ? { ...metadata, depth: metadata.depth + 1 }
        : key === "metadata" && inner && typeof inner === "object"
          ? { depth: 1, keys: { count: 0 } }
          : undefined
      const problem = walkBody(inner, `${path}.${key}`, limits, depth + 1, inMetadata)
      if (problem) {
        return problem
      }
    }
  }
  return undefined
}

/** Percent-encoding of a raw path or query component that decodeURIComponent cannot read. */
export function malformedEncoding(raw: string): boolean {
  try {
    decodeURIComponent(raw.replace(/\+/g, " "))
    return false
  } catch {
    return true
  }
}

/** A short, printable rendering of a rejected value for an error message. */
export function describe(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value))
  const printable = text.replace(/[^\x20-\x7E]/g, "?")
  return printable.length > 40 ? `${printable.slice(0, 37)}...` : printable
}
