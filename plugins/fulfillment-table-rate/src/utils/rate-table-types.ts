/**
 * The shapes of a rate table, shared by the module, the provider, the admin API and the admin editor.
 *
 * Units: weights are grams; money (row prices, subtotal bounds, handling fees, free-over thresholds) is an integer
 * number of the currency's minor unit (cents for EUR/USD, yen for JPY). Every range is inclusive-exclusive:
 * a row with `min_weight: 1000, max_weight: 2000` covers 1000 g up to but not including 2000 g; `null` as the
 * upper bound means "no upper bound".
 */

/** Prices keyed by lower-case ISO 4217 code, in minor units: `{ eur: 495 }` is €4.95. */
export type MinorUnitMap = Record<string, number>

export interface RateRowInput {
  /** Lower-case ISO 4217 code of the cart currency this row prices. */
  currency_code: string
  /** Grams, inclusive. */
  min_weight: number
  /** Grams, exclusive; null: no upper bound. */
  max_weight: number | null
  /** Cart subtotal in minor units, inclusive. */
  min_subtotal: number
  /** Cart subtotal in minor units, exclusive; null: no upper bound. */
  max_subtotal: number | null
  /** Shipping price in minor units. */
  price: number
}

export interface RateTableInput {
  rows: RateRowInput[]
  /** Added per unit shipped (quantity, not lines), per currency, in minor units. */
  handling_fee?: MinorUnitMap
  /** A cart whose subtotal is at least this amount (per currency, minor units) ships free. */
  free_over?: MinorUnitMap
}

/** One problem found in a rate table; `row` is 1-based (the editor's numbering), absent for table-level problems. */
export interface RateTableProblem {
  row?: number
  field?: string
  message: string
}

/** A stored table, as the provider reads it. */
export interface StoredRateTable extends Required<RateTableInput> {
  shipping_option_id: string
  version: number
}
