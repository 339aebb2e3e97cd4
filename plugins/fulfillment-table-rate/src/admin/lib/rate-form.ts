/**
 * The editor keeps what the merchant typed (text) and turns it into the API's shape (grams, minor units) with the
 * same parsing and validation rules as the server, so inline errors and the API's 400s agree.
 */
import { currencyDigits, formatMinorUnits, parseMinorUnits } from "../../utils/money"
import type { RateTableInput, RateTableProblem, StoredRateTable } from "../../utils/rate-table-types"
import { validateRateTable } from "../../utils/validate-rate-table"

export interface RowForm {
  key: number
  currency_code: string
  min_weight: string
  max_weight: string
  min_subtotal: string
  max_subtotal: string
  price: string
}

export interface TableForm {
  rows: RowForm[]
  handling_fee: Record<string, string>
  free_over: Record<string, string>
}

let nextKey = 1

export function emptyRow(currency: string): RowForm {
  return {
    key: nextKey++,
    currency_code: currency,
    min_weight: "0",
    max_weight: "",
    min_subtotal: "0",
    max_subtotal: "",
    price: "",
  }
}

function money(value: number | null, currency: string): string {
  return value === null ? "" : formatMinorUnits(value, currencyDigits(currency))
}

export function toForm(table: StoredRateTable | null, defaultCurrency: string): TableForm {
  if (!table) {
    return { rows: [emptyRow(defaultCurrency)], handling_fee: {}, free_over: {} }
  }
  const mapForm = (map: Record<string, number>) =>
    Object.fromEntries(Object.entries(map).map(([currency, value]) => [currency, money(value, currency)]))
  return {
    rows: table.rows.map((row) => ({
      key: nextKey++,
      currency_code: row.currency_code,
      min_weight: String(row.min_weight),
      max_weight: row.max_weight === null ? "" : String(row.max_weight),
      min_subtotal: money(row.min_subtotal, row.currency_code),
      max_subtotal: money(row.max_subtotal, row.currency_code),
      price: money(row.price, row.currency_code),
    })),
    handling_fee: mapForm(table.handling_fee),
    free_over: mapForm(table.free_over),
  }
}

function weight(text: string): number | null | string {
  const trimmed = text.trim()
  if (trimmed === "") {
    return null
  }
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : text
}

/** Turns the form into the API body; text that is not a number is passed through so validation names it. */
export function toInput(form: TableForm): { body: RateTableInput; parseProblems: RateTableProblem[] } {
  const parseProblems: RateTableProblem[] = []
  const amount = (text: string, currency: string, row: number | undefined, field: string, label: string) => {
    const digits = currencyDigits(currency || "eur")
    const parsed = parseMinorUnits(text, digits)
    if (parsed === undefined) {
      parseProblems.push({
        row,
        field,
        message: `${row ? `Row ${row}: ` : ""}${label} must be an amount with at most ${digits} decimals`,
      })
      return null
    }
    return parsed
  }
  const rows = form.rows.map((row, index) => {
    const n = index + 1
    return {
      currency_code: row.currency_code,
      min_weight: weight(row.min_weight),
      max_weight: weight(row.max_weight),
      min_subtotal: amount(row.min_subtotal, row.currency_code, n, "min_subtotal", "minimum subtotal"),
      max_subtotal: amount(row.max_subtotal, row.currency_code, n, "max_subtotal", "maximum subtotal"),
      price: amount(row.price, row.currency_code, n, "price", "price"),
    }
  })
  const map = (values: Record<string, string>, label: string) =>
    Object.fromEntries(
      Object.entries(values)
        .filter(([, text]) => text.trim() !== "")
        .map(([currency, text]) => [
          currency,
          amount(text, currency, undefined, currency, `${label} (${currency.toUpperCase()})`),
        ])
    )
  return {
    body: {
      rows: rows as any,
      handling_fee: map(form.handling_fee, "Handling fee") as any,
      free_over: map(form.free_over, "Free over") as any,
    },
    parseProblems,
  }
}

/** Every problem of the form: unparseable amounts first, then the shared table rules. */
export function checkForm(
  form: TableForm,
  currencies: string[]
): { body: RateTableInput; problems: RateTableProblem[] } {
  const { body, parseProblems } = toInput(form)
  if (parseProblems.length) {
    return { body, problems: parseProblems }
  }
  return { body, problems: validateRateTable(body, currencies).problems }
}
