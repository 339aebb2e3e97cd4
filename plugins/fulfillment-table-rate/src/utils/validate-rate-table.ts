/**
 * Validation of a rate table, shared by the admin API (400 naming the row) and the admin editor (inline errors).
 * Pure: no server imports, so the dashboard bundle can use it as is.
 *
 * Rules, per currency: every row has a currency, whole non-negative weights and amounts, max > min; no two rows
 * overlap (their weight ranges and subtotal ranges both intersect); and there are no gaps: weight ranges start at
 * 0 g and follow each other without holes, and within any weight range the subtotal ranges start at 0 and follow
 * each other without holes. The last ranges may stop anywhere: a cart beyond them simply gets no rate ("too heavy").
 */
import { currencyDigits, formatMinorUnits, MAX_INTEGER_VALUE } from "./money"
import type { MinorUnitMap, RateRowInput, RateTableInput, RateTableProblem } from "./rate-table-types"

/** More rows than a merchant can maintain by hand; also bounds the pairwise overlap check. */
export const MAX_ROWS = 500

export interface RateTableValidation {
  problems: RateTableProblem[]
  /** The normalised table (lower-case currencies, defaults filled in) when there are no problems. */
  table?: RateTableInput
}

type Bound = number | null

function describeRange(min: number, max: Bound, unit: (n: number) => string): string {
  return `${unit(min)}–${max === null ? "∞" : unit(max)}`
}

function grams(n: number): string {
  return `${n} g`
}

function money(currency: string): (n: number) => string {
  const digits = currencyDigits(currency)
  return (n: number) => formatMinorUnits(n, digits)
}

function describeRow(row: RateRowInput): string {
  const cur = row.currency_code.toUpperCase()
  return `${cur}, ${describeRange(row.min_weight, row.max_weight, grams)}, subtotal ${describeRange(
    row.min_subtotal,
    row.max_subtotal,
    money(row.currency_code)
  )}`
}

/** Reads one whole, non-negative number; reports what is wrong with it otherwise. */
function readInteger(
  value: unknown,
  opts: { row?: number; field: string; label: string; nullable: boolean; fallback?: Bound },
  problems: RateTableProblem[]
): Bound | undefined {
  const where = opts.row ? `Row ${opts.row}: ` : ""
  if (value === undefined || value === null || value === "") {
    if (opts.fallback !== undefined) {
      return opts.fallback
    }
    if (opts.nullable) {
      return null
    }
    problems.push({ row: opts.row, field: opts.field, message: `${where}${opts.label} is missing` })
    return undefined
  }
  if (typeof value !== "number" || !Number.isFinite(value)) {
    problems.push({
      row: opts.row,
      field: opts.field,
      message: `${where}${opts.label} must be a number, got ${JSON.stringify(value)}`,
    })
    return undefined
  }
  if (value < 0) {
    problems.push({ row: opts.row, field: opts.field, message: `${where}${opts.label} must not be negative` })
    return undefined
  }
  if (!Number.isInteger(value) || value > MAX_INTEGER_VALUE) {
    problems.push({
      row: opts.row,
      field: opts.field,
      message: `${where}${opts.label} must be a whole number up to ${MAX_INTEGER_VALUE} (got ${value})`,
    })
    return undefined
  }
  return value
}

function readRow(
  raw: unknown,
  index: number,
  currencies: Set<string> | null,
  problems: RateTableProblem[]
): RateRowInput | undefined {
  const row = index + 1
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    problems.push({ row, message: `Row ${row}: must be an object` })
    return undefined
  }
  const r = raw as Record<string, unknown>
  const before = problems.length
  let currency: string | undefined
  if (typeof r.currency_code !== "string" || r.currency_code.trim() === "") {
    problems.push({ row, field: "currency_code", message: `Row ${row}: currency is missing` })
  } else {
    currency = r.currency_code.trim().toLowerCase()
    if (currencies && !currencies.has(currency)) {
      problems.push({
        row,
        field: "currency_code",
        message: `Row ${row}: unknown currency "${r.currency_code}" (the store uses ${[...currencies].join(", ") || "none"})`,
      })
    }
  }
  const minWeight = readInteger(
    r.min_weight,
    { row, field: "min_weight", label: "minimum weight", nullable: false, fallback: 0 },
    problems
  )
  const maxWeight = readInteger(
    r.max_weight,
    { row, field: "max_weight", label: "maximum weight", nullable: true },
    problems
  )
  const minSubtotal = readInteger(
    r.min_subtotal,
    { row, field: "min_subtotal", label: "minimum subtotal", nullable: false, fallback: 0 },
    problems
  )
  const maxSubtotal = readInteger(
    r.max_subtotal,
    { row, field: "max_subtotal", label: "maximum subtotal", nullable: true },
    problems
  )
  const price = readInteger(r.price, { row, field: "price", label: "price", nullable: false }, problems)
  if (problems.length > before) {
    return undefined
  }
  const parsed: RateRowInput = {
    currency_code: currency!,
    min_weight: minWeight as number,
    max_weight: maxWeight as Bound,
    min_subtotal: minSubtotal as number,
    max_subtotal: maxSubtotal as Bound,
    price: price as number,
  }
  if (parsed.max_weight !== null && parsed.max_weight <= parsed.min_weight) {
    problems.push({
      row,
      field: "max_weight",
      message: `Row ${row}: maximum weight (${parsed.max_weight} g) must be greater than the minimum (${parsed.min_weight} g)`,
    })
  }
  if (parsed.max_subtotal !== null && parsed.max_subtotal <= parsed.min_subtotal) {
    problems.push({
      row,
      field: "max_subtotal",
      message: `Row ${row}: maximum subtotal must be greater than the minimum subtotal`,
    })
  }
  return problems.length > before ? undefined : parsed
}

function intersects(aMin: number, aMax: Bound, bMin: number, bMax: Bound): boolean {
  return (aMax === null || bMin < aMax) && (bMax === null || aMin < bMax)
}

/** Overlaps and gaps among the rows of one currency (rows carry their 1-based number). */
function checkCoverage(currency: string, rows: { n: number; row: RateRowInput }[], problems: RateTableProblem[]): void {
  const cur = currency.toUpperCase()
  for (let j = 0; j < rows.length; j++) {
    for (let i = 0; i < j; i++) {
      const a = rows[i].row
      const b = rows[j].row
      if (
        intersects(a.min_weight, a.max_weight, b.min_weight, b.max_weight) &&
        intersects(a.min_subtotal, a.max_subtotal, b.min_subtotal, b.max_subtotal)
      ) {
        problems.push({ row: rows[j].n, message: `Row ${rows[j].n} overlaps row ${rows[i].n} (${describeRow(a)})` })
      }
    }
  }
  if (problems.length) {
    return
  }

  const unbounded = rows.some(({ row }) => row.max_weight === null)
  const points = [
    ...new Set(rows.flatMap(({ row }) => [row.min_weight, ...(row.max_weight === null ? [] : [row.max_weight])])),
  ].sort((x, y) => x - y)
  const firstRowAt = (weight: number) =>
    rows.filter(({ row }) => row.min_weight >= weight).sort((x, y) => x.row.min_weight - y.row.min_weight)[0]?.n
  if (points[0] > 0) {
    problems.push({
      row: firstRowAt(0),
      message: `Row ${firstRowAt(0)}: no ${cur} row covers weights ${describeRange(0, points[0], grams)} (weight ranges must start at 0 g)`,
    })
  }
  const seen = new Set<string>()
  const intervals: [number, Bound][] = points.map((p, k) => [p, k + 1 < points.length ? points[k + 1] : null])
  for (const [from, to] of intervals) {
    if (to === null && !unbounded) {
      continue
    }
    const covering = rows.filter(
      ({ row }) => row.min_weight <= from && (row.max_weight === null || (to !== null && row.max_weight >= to))
    )
    if (!covering.length) {
      const next = firstRowAt(to ?? from)
      const message = `Row ${next}: no ${cur} row covers weights ${describeRange(from, to, grams)} (a gap before this row)`
      if (!seen.has(message)) {
        seen.add(message)
        problems.push({ row: next, message })
      }
      continue
    }
    const bySubtotal = [...covering].sort((x, y) => x.row.min_subtotal - y.row.min_subtotal)
    let reached: Bound = 0
    for (const { n, row } of bySubtotal) {
      if (reached !== null && row.min_subtotal > reached) {
        const message = `Row ${n}: no ${cur} row covers subtotals ${describeRange(reached, row.min_subtotal, money(currency))} for weights ${describeRange(from, to, grams)} (a gap before this row)`
        if (!seen.has(message)) {
          seen.add(message)
          problems.push({ row: n, message })
        }
      }
      reached = row.max_subtotal
      if (reached === null) {
        break
      }
    }
  }
}

function readMap(
  value: unknown,
  field: "handling_fee" | "free_over",
  label: string,
  currencies: Set<string> | null,
  rowCurrencies: Set<string>,
  problems: RateTableProblem[]
): MinorUnitMap {
  if (value === undefined || value === null) {
    return {}
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    problems.push({ field, message: `${label} must be an object of amounts per currency, e.g. { "eur": 5000 }` })
    return {}
  }
  const result: MinorUnitMap = {}
  for (const [key, amount] of Object.entries(value as Record<string, unknown>)) {
    const currency = key.trim().toLowerCase()
    if (amount === null || amount === undefined || amount === "") {
      continue
    }
    if (currencies && !currencies.has(currency)) {
      problems.push({ field: `${field}.${key}`, message: `${label}: unknown currency "${key}"` })
      continue
    }
    if (!rowCurrencies.has(currency)) {
      problems.push({ field: `${field}.${key}`, message: `${label}: ${currency.toUpperCase()} has no rows` })
      continue
    }
    const parsed = readInteger(
      amount,
      { field: `${field}.${key}`, label: `${label} (${currency.toUpperCase()})`, nullable: false },
      problems
    )
    if (typeof parsed === "number") {
      result[currency] = parsed
    }
  }
  return result
}

/**
 * Checks a rate table as received from the admin API or the editor.
 * @param currencies the store's currencies (lower-case); null skips the "unknown currency" check.
 */
export function validateRateTable(input: unknown, currencies: string[] | null): RateTableValidation {
  const problems: RateTableProblem[] = []
  const known = currencies ? new Set(currencies.map((c) => c.toLowerCase())) : null
  const body = (input && typeof input === "object" ? input : {}) as Record<string, unknown>
  if (!Array.isArray(body.rows)) {
    return { problems: [{ field: "rows", message: "rows must be a list of rate rows" }] }
  }
  if (body.rows.length === 0) {
    return { problems: [{ field: "rows", message: "Add at least one row" }] }
  }
  if (body.rows.length > MAX_ROWS) {
    return {
      problems: [{ field: "rows", message: `A rate table has at most ${MAX_ROWS} rows (got ${body.rows.length})` }],
    }
  }
  const rows = body.rows.map((raw, index) => readRow(raw, index, known, problems))
  const rowCurrencies = new Set(rows.filter((r): r is RateRowInput => !!r).map((r) => r.currency_code))
  const handling_fee = readMap(body.handling_fee, "handling_fee", "Handling fee", known, rowCurrencies, problems)
  const free_over = readMap(body.free_over, "free_over", "Free over", known, rowCurrencies, problems)
  if (problems.length) {
    return { problems }
  }
  const valid = rows as RateRowInput[]
  for (const currency of rowCurrencies) {
    checkCoverage(
      currency,
      valid.map((row, index) => ({ n: index + 1, row })).filter(({ row }) => row.currency_code === currency),
      problems
    )
  }
  return problems.length ? { problems } : { problems, table: { rows: valid, handling_fee, free_over } }
}
