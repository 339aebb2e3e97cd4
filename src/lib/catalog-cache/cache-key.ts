import { createHash } from "node:crypto"

/**
 * What makes a store catalog answer cacheable, and the key that identifies it. Pure functions (unit-tested).
 *
 * Cached: GET of the public catalog routes below, anonymous or with a customer's bearer token (then keyed by the
 * customer's groups, see customer-groups.ts); never with a session cookie. Carts, orders, customers, shipping
 * options (they need a cart) and search are never cached.
 */
const CACHEABLE = [
  /^\/store\/products(\/[^/]+)?$/,
  /^\/store\/product-categories(\/[^/]+)?$/,
  /^\/store\/collections(\/[^/]+)?$/,
  /^\/store\/regions(\/[^/]+)?$/,
  /^\/store\/product-tags(\/[^/]+)?$/,
  /^\/store\/product-types(\/[^/]+)?$/,
]

export interface CacheableRequest {
  method: string
  /** The full URL (Express's `req.path` is relative to the middleware's mount point). */
  originalUrl: string
  headers: Record<string, string | string[] | undefined>
}

export function isCacheable(req: CacheableRequest): boolean {
  if (req.method !== "GET" || req.headers.cookie) {
    return false
  }
  const path = pathOf(req.originalUrl)
  return CACHEABLE.some((pattern) => pattern.test(path))
}

export function pathOf(originalUrl: string): string {
  const at = originalUrl.indexOf("?")
  return at < 0 ? originalUrl : originalUrl.slice(0, at)
}

/**
 * The query string in a canonical form: parameters sorted by name (their values keep their order, which can
 * matter, e.g. `order`), each name and value decoded and re-encoded the same way.
 */
export function normalizedQuery(originalUrl: string): string {
  const at = originalUrl.indexOf("?")
  if (at < 0) {
    return ""
  }
  const pairs: Array<[string, string]> = []
  for (const [name, value] of new URLSearchParams(originalUrl.slice(at + 1))) {
    pairs.push([name, value])
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  return pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join("&")
}

/**
 * True when the answer shows stock levels (they change with every order, so they have their own generation). Each
 * parameter is decoded on its own, as Medusa's query parser does: one malformed escape must not hide an encoded
 * `%69nventory_quantity` elsewhere in the query.
 */
export function showsInventory(originalUrl: string): boolean {
  const at = originalUrl.indexOf("?")
  if (at < 0) {
    return false
  }
  for (const [name, value] of new URLSearchParams(originalUrl.slice(at + 1))) {
    if (/inventory/i.test(name) || /inventory/i.test(value)) {
      return true
    }
  }
  return false
}

/**
 * The generations an answer for this URL is read at: the catalog's, and the inventory's too when the answer shows
 * stock (the response cache, the read model's documents and its rendering contexts all key by it).
 */
export function readGeneration(originalUrl: string, generations: { catalog: number; inventory: number }): string {
  return showsInventory(originalUrl) ? `${generations.catalog}.${generations.inventory}` : `${generations.catalog}`
}

/**
 * The generations the read model's product documents for this URL are read at: the catalog's, and the stock epoch
 * when they show stock (each document adds its product's own stock version, see documentKey).
 */
export function documentGeneration(originalUrl: string, generations: { catalog: number; stockEpoch: number }): string {
  return showsInventory(originalUrl) ? `${generations.catalog}.s${generations.stockEpoch}` : `${generations.catalog}`
}

/** A product's document key: its rendering key, its id, and its stock version when the rendering shows stock. */
export function documentKey(renderingKey: string, productId: string, stockVersion?: number): string {
  return stockVersion === undefined ? `${renderingKey}:${productId}` : `${renderingKey}:${productId}:${stockVersion}`
}

function header(req: CacheableRequest, name: string): string {
  const value = req.headers[name]
  return Array.isArray(value) ? value.join(",") : (value ?? "")
}

/**
 * Everything that changes the answer: path, normalised query (region, currency, filters, pagination, fields,
 * `locale`), the publishable key (its sales channels), the locale header, the customer's groups ("" when
 * anonymous), and the data generations the answer was read at. Hashed: the key has a fixed length whatever the URL.
 */
export function cacheKey(req: CacheableRequest, generations: string, customerGroups = ""): string {
  const parts = [
    pathOf(req.originalUrl),
    normalizedQuery(req.originalUrl),
    header(req, "x-publishable-api-key"),
    header(req, "x-medusa-locale"),
    customerGroups,
    generations,
  ]
  return createHash("sha256").update(parts.join("\n")).digest("base64url")
}
