import { MAX_QUERY_LENGTH } from "./normalize"

/**
 * Tienda's checks and defaults for one query of `POST /store/search`, before Medusa's route and the Search Module
 * see it. Pure: the middleware (src/api/store-search/store-search.ts) supplies the index's filterable fields and the
 * request's sales channels. A problem is thrown as a `SearchInputError`, which the middleware answers with 400.
 */
export class SearchInputError extends Error {}

export const STORE_INDEX = "product"
export const MAX_PAGE_SIZE = 100
/** `filters.in_stock: true|false`: products that can (or cannot) be bought in the request's sales channel. */
export const IN_STOCK_FILTER = "in_stock"
const STOCK_FIELD = "in_stock_sales_channel_ids"
const RANGE_OPERATORS = ["$gte", "$gt", "$lte", "$lt"]

export interface StoreQueryContext {
  filterable: Set<string>
  currencies: string[]
  salesChannelIds: string[]
}

export interface PreparedQuery {
  query: Record<string, any>
  /** The free-text query as sent (trimmed), or "" for a browse without text. */
  q: string
  /** The client did not choose typo tolerance: Tienda decides (exact first, typo-tolerant when that finds nothing). */
  autoTypo: boolean
}

const isPlainObject = (value: unknown): value is Record<string, any> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

function priceProblem(path: string, value: unknown, currencies: string[]): string | undefined {
  const currency = path.slice("prices.".length)
  if (!currencies.includes(currency)) {
    return `Unknown price currency "${currency}" in filter "${path}"; the index has prices in: ${currencies.join(", ")}`
  }
  const shape = `a price range looks like {"${path}": {"$gte": 10, "$lte": 50}}`
  if (!isPlainObject(value)) {
    return `Malformed price range for "${path}": ${shape}`
  }
  const keys = Object.keys(value)
  const unknown = keys.filter((key) => !RANGE_OPERATORS.includes(key))
  if (!keys.length || unknown.length) {
    return `Malformed price range for "${path}"${unknown.length ? ` (unsupported ${unknown.join(", ")})` : ""}: ${shape}`
  }
  for (const key of keys) {
    const bound = value[key]
    if (typeof bound !== "number" || !Number.isFinite(bound) || bound < 0) {
      return `Malformed price range for "${path}": ${key} must be a non-negative number (got ${JSON.stringify(bound)})`
    }
  }
  const low = value.$gte ?? value.$gt
  const high = value.$lte ?? value.$lt
  if (low !== undefined && high !== undefined && low > high) {
    return `Malformed price range for "${path}": the lower bound ${low} is above the upper bound ${high}`
  }
  return undefined
}

/** Checks a filter tree and rewrites `in_stock` into the index's per-channel stock field. */
function rewriteFilters(filters: Record<string, any>, ctx: StoreQueryContext, topLevel: boolean): Record<string, any> {
  const out: Record<string, any> = {}
  const extra: Record<string, any>[] = []
  for (const [key, value] of Object.entries(filters)) {
    if (key === "q") {
      if (!topLevel) {
        throw new SearchInputError(`"q" belongs at the top level of filters, not inside $and/$or/$not`)
      }
      out.q = value
    } else if (key === "$and" || key === "$or") {
      if (!Array.isArray(value) || !value.every(isPlainObject)) {
        throw new SearchInputError(`filters.${key} must be an array of filter objects`)
      }
      out[key] = value.map((branch) => rewriteFilters(branch, ctx, false))
    } else if (key === "$not") {
      if (!isPlainObject(value)) {
        throw new SearchInputError(`filters.$not must be a filter object`)
      }
      out.$not = rewriteFilters(value, ctx, false)
    } else if (key === IN_STOCK_FILTER) {
      if (typeof value !== "boolean") {
        throw new SearchInputError(`filters.in_stock must be true or false`)
      }
      const inStock = { [STOCK_FIELD]: { $overlaps: ctx.salesChannelIds } }
      extra.push(value ? inStock : { $not: inStock })
    } else if (key.startsWith("prices.")) {
      const problem = priceProblem(key, value, ctx.currencies)
      if (problem) {
        throw new SearchInputError(problem)
      }
      out[key] = value
    } else if (ctx.filterable.has(key)) {
      out[key] = value
    } else {
      const allowed = [...ctx.filterable].filter((field) => !field.startsWith("prices.")).sort()
      throw new SearchInputError(
        `Unknown filter field "${key}"; the product index filters by: ${[...allowed, IN_STOCK_FILTER, "prices.<currency>"].join(", ")}`
      )
    }
  }
  if (extra.length) {
    out.$and = [...(out.$and ?? []), ...extra]
  }
  return out
}

export function prepareStoreQuery(raw: unknown, ctx: StoreQueryContext): PreparedQuery {
  if (!isPlainObject(raw)) {
    throw new SearchInputError("a search query must be a JSON object")
  }
  if (raw.entity !== STORE_INDEX) {
    throw new SearchInputError(
      `Unknown search index ${JSON.stringify(raw.entity ?? null)}; the store can search: ${STORE_INDEX}`
    )
  }
  const query: Record<string, any> = { ...raw }
  let q = ""
  if (query.filters !== undefined) {
    if (!isPlainObject(query.filters)) {
      throw new SearchInputError("filters must be an object")
    }
    if (query.filters.q !== undefined && query.filters.q !== null) {
      if (typeof query.filters.q !== "string") {
        throw new SearchInputError("filters.q must be a string")
      }
      if (query.filters.q.length > MAX_QUERY_LENGTH) {
        throw new SearchInputError(
          `filters.q is longer than ${MAX_QUERY_LENGTH} characters (${query.filters.q.length})`
        )
      }
      q = query.filters.q.trim()
    }
    query.filters = rewriteFilters(query.filters, ctx, true)
  }
  const take = query.pagination?.take
  if (take !== undefined && (typeof take !== "number" || !Number.isInteger(take) || take < 0 || take > MAX_PAGE_SIZE)) {
    throw new SearchInputError(
      `pagination.take must be a whole number from 0 to ${MAX_PAGE_SIZE} (got ${JSON.stringify(take)})`
    )
  }
  const order = query.pagination?.order
  if (isPlainObject(order) && Object.keys(order).length && !("id" in order)) {
    // Equal prices (or dates) would otherwise come back in any order, and pages would repeat or skip products.
    query.pagination = { ...query.pagination, order: { ...order, id: "ASC" } }
  }
  const options = isPlainObject(query.search_options) ? { ...query.search_options } : {}
  const autoTypo = !!q && options.typo_tolerance === undefined
  if (q && options.match_strategy === undefined) {
    // Search-as-you-type: the last word is a prefix ("hood" finds hoodies).
    options.match_strategy = "last"
  }
  if (query.search_options !== undefined || Object.keys(options).length) {
    query.search_options = options
  }
  return { query, q, autoTypo }
}

/** The dotted paths of the filterable fields of an index definition's `fields`. */
export function filterablePaths(fields: Record<string, any>, prefix = ""): string[] {
  return Object.entries(fields).flatMap(([name, field]) => {
    const path = prefix ? `${prefix}.${name}` : name
    if (field?.type === "object" && field.fields) {
      return filterablePaths(field.fields, path)
    }
    return field?.filterable ? [path] : []
  })
}
