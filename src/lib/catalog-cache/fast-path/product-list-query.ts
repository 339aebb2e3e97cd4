/**
 * The product-list URLs the fast path answers on its own (see product-list-answer.ts), parsed strictly: a
 * parameter in any form this parser does not know exactly as Medusa's validator reads it makes the URL Medusa's
 * (null), and Medusa answers it, with its own 400 where it is wrong. Pure functions (unit-tested).
 */

/** Filters that choose products: each one a string or a list of strings, as Medusa's store validator takes them. */
export const LIST_FILTERS = ["id", "handle", "title", "category_id", "collection_id", "tag_id", "type_id"] as const
export type ListFilter = (typeof LIST_FILTERS)[number]

/** Product columns a page can be ordered by (all are NOT NULL, so no NULLS FIRST/LAST question). */
export const ORDER_COLUMNS = ["id", "title", "handle", "created_at", "updated_at"] as const

/** Parameters that only decide how the products are rendered: the rendering context's (see rendering-contexts.ts). */
export const RENDERING_PARAMS = new Set(["fields", "region_id", "country_code", "province"])

export interface ProductSelection {
  filters: Partial<Record<ListFilter, string[]>>
  isGiftcard?: boolean
  order: { column: (typeof ORDER_COLUMNS)[number]; descending: boolean }
}

export interface ProductListQuery {
  selection: ProductSelection
  limit: number
  offset: number
  /** The rendering parameters as sent, sorted: with the publishable key, they name the rendering context. */
  rendering: string
}

/** Medusa's default page size for `GET /store/products`. */
const DEFAULT_LIMIT = 50
const MAX_LIMIT = 200
const MAX_OFFSET = 1_000_000
/** Express's query parser (qs) keeps the first 1,000 parameters and drops the rest; past that, Medusa's. */
const MAX_PARAMETERS = 1_000

function wholeNumber(value: string, max: number): number | null {
  if (!/^\d{1,7}$/.test(value)) {
    return null
  }
  const number = Number(value)
  return number <= max ? number : null
}

export function parseProductListQuery(originalUrl: string): ProductListQuery | null {
  const at = originalUrl.indexOf("?")
  if ((at < 0 ? originalUrl : originalUrl.slice(0, at)) !== "/store/products") {
    return null
  }
  const query = at < 0 ? "" : originalUrl.slice(at + 1)
  // qs reads `a]=b` in `id=a]=b` as part of the name: only `name[]=` may carry a "]=".
  if (/(^|[^[])\]=/.test(query)) {
    return null
  }
  const params = [...new URLSearchParams(query)]
  if (params.length > MAX_PARAMETERS) {
    return null
  }
  const filters: ProductSelection["filters"] = {}
  const scalars = new Map<string, string>()
  const rendering: string[] = []
  for (const [name, value] of params) {
    // `name[]=a&name[]=b` and `name=a&name=b` are lists to Medusa's query parser; indexed and nested forms are not
    // read here. An empty value is Medusa's to judge, and so is a comma: Medusa splits a one-element list on commas
    // (`category_id[]=a,b` is two categories), a plain value not.
    const base = name.endsWith("[]") ? name.slice(0, -2) : name
    if (value.includes(",") && (LIST_FILTERS as readonly string[]).includes(base)) {
      return null
    }
    if ((LIST_FILTERS as readonly string[]).includes(base) && value !== "") {
      ;(filters[base as ListFilter] ??= []).push(value)
      continue
    }
    if (base !== name || scalars.has(name)) {
      return null
    }
    scalars.set(name, value)
    if (RENDERING_PARAMS.has(name)) {
      rendering.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    } else if (!["limit", "offset", "order", "is_giftcard"].includes(name)) {
      // Anything else (sales_channel_id, locale, cart_id, q, operators, …) changes the answer in ways only Medusa
      // knows.
      return null
    }
  }

  const limit = scalars.has("limit") ? wholeNumber(scalars.get("limit")!, MAX_LIMIT) : DEFAULT_LIMIT
  const offset = scalars.has("offset") ? wholeNumber(scalars.get("offset")!, MAX_OFFSET) : 0
  if (!limit || offset === null) {
    return null
  }
  const order = parseOrder(scalars.get("order"))
  const giftcard = scalars.get("is_giftcard")
  if (!order || (giftcard !== undefined && giftcard !== "true" && giftcard !== "false")) {
    return null
  }
  for (const values of Object.values(filters)) {
    values.sort()
  }
  const selection: ProductSelection = { filters, order }
  if (giftcard !== undefined) {
    selection.isGiftcard = giftcard === "true"
  }
  return { selection, limit, offset, rendering: rendering.sort().join("&") }
}

/** `title`, `-created_at`; none is Medusa's default, by id. */
function parseOrder(value: string | undefined): ProductSelection["order"] | null {
  if (value === undefined) {
    return { column: "id", descending: false }
  }
  const descending = value.startsWith("-")
  const column = descending ? value.slice(1) : value
  return (ORDER_COLUMNS as readonly string[]).includes(column)
    ? { column: column as ProductSelection["order"]["column"], descending }
    : null
}
