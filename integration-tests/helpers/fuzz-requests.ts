/**
 * A seeded, deterministic generator of malformed requests for the edge fuzz test (http/suites/security-fuzz.ts): the same
 * seed gives the same requests, so a failure is reproducible from its index.
 */
export interface FuzzRequest {
  method: "get" | "post" | "delete"
  url: string
  body?: unknown
  rawBody?: string
  auth: "none" | "customer" | "admin" | "garbage"
}

export interface FuzzIds {
  product: string
  variant: string
  region: string
  cart: string
  lineItem: string
  order: string
  category: string
  collection: string
  shippingOption: string
  customerAddress: string
}

/** mulberry32: tiny, seedable, good enough to spread the cases. */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const BAD_VALUES: unknown[] = [
  "-1",
  "0",
  "1.5",
  "1e309",
  "99999999999999999999999",
  "abc",
  "",
  " ",
  "null",
  "true",
  "[object Object]",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "x\uDFFFy",
  "\u0007bell",
  "\u001b[31m",
  "2020-13-45",
  "notadate",
  "2020-02-30T25:61:00Z",
  "'; DROP TABLE cart;--",
  '" OR 1=1 --',
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "😀".repeat(20),
  "x".repeat(10_001),
  -1,
  0,
  1.5,
  0.001,
  1e308,
  -1e308,
  2 ** 53 + 1,
  true,
  false,
  null,
  [],
  {},
  [1, 2, 3],
  { $gt: "x" },
  { $where: "1" },
  { nested: { deeper: { deepest: { bottom: { floor: 1 } } } } },
  "zz",
  "es",
  "us",
  "ES",
  "eur",
  "EUR",
]

const QUERY_NAMES = [
  "limit",
  "offset",
  "q",
  "handle",
  "id",
  "fields",
  "order",
  "region_id",
  "currency_code",
  "cart_id",
  "title",
  "email",
  "created_at[$gt]",
  "created_at[$lt]",
  "updated_at[$gte]",
  "deleted_at",
  "created_at[$foo]",
  "category_id[]",
  "id[]",
  "sales_channel_id",
  "$and[0][title]",
  "$or[0][handle]",
  "q[$ilike]",
  "expand",
  "with_deleted",
  "is_giftcard",
  "tags[$in]",
]

const RAW_QUERY = ["%E0%A4%A", "%zz", "%", "%00", "%ED%A0%80", "%C3%28", "a%2", "%FF%FE"]

const BODY_KEYS = [
  "email",
  "region_id",
  "items",
  "quantity",
  "variant_id",
  "metadata",
  "shipping_address",
  "billing_address",
  "country_code",
  "option_id",
  "provider_id",
  "promo_codes",
  "title",
  "first_name",
  "last_name",
  "currency_code",
  "sales_channel_id",
  "cart_id",
  "order_id",
  "password",
  "handle",
  "status",
  "prices",
  "amount",
  "data",
  "address_1",
  "postal_code",
]

/** encodeURIComponent, except that a lone surrogate (which it refuses) is sent as its raw UTF-8-ish bytes. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value)
  } catch {
    return "%ED%A0%80"
  }
}

export function fuzzRequests(seed: number, count: number, ids: FuzzIds): FuzzRequest[] {
  const next = random(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]
  const badString = () => {
    const value = pick(BAD_VALUES)
    return typeof value === "string" ? value : JSON.stringify(value)
  }
  const idOrBad = (good: string) =>
    next() < 0.5 ? good : pick([`${good.split("_")[0]}_unknown`, badString(), "%E0%A4%A", "%00", "x".repeat(300)])
  const segment = (value: string) => (/^%/.test(value) && next() < 0.5 ? value : encode(value))

  const storeGets = [
    "/store/regions",
    "/store/collections",
    "/store/product-tags",
    "/store/product-types",
    "/store/product-categories",
    "/store/products",
    "/store/currencies",
    "/store/return-reasons",
    "/store/payment-providers",
    "/store/product-variants",
    "/store/product-options",
    "/store/locales",
    "/store/orders",
    "/store/customers/me",
    "/store/customers/me/addresses",
    "/store/shipping-options",
  ]
  const storeGetById = () =>
    pick([
      `/store/products/${segment(idOrBad(ids.product))}`,
      `/store/regions/${segment(idOrBad(ids.region))}`,
      `/store/collections/${segment(idOrBad(ids.collection))}`,
      `/store/product-categories/${segment(idOrBad(ids.category))}`,
      `/store/carts/${segment(idOrBad(ids.cart))}`,
      `/store/orders/${segment(idOrBad(ids.order))}`,
      `/store/product-variants/${segment(idOrBad(ids.variant))}`,
      `/store/currencies/${segment(idOrBad("eur"))}`,
      `/store/return-reasons/${segment(idOrBad("rr_x"))}`,
      `/store/product-tags/${segment(idOrBad("ptag_x"))}`,
    ])
  const storePosts = () =>
    pick([
      "/store/carts",
      `/store/carts/${segment(idOrBad(ids.cart))}`,
      `/store/carts/${segment(idOrBad(ids.cart))}/line-items`,
      `/store/carts/${segment(idOrBad(ids.cart))}/line-items/${segment(idOrBad(ids.lineItem))}`,
      `/store/carts/${segment(idOrBad(ids.cart))}/shipping-methods`,
      `/store/carts/${segment(idOrBad(ids.cart))}/promotions`,
      `/store/carts/${segment(idOrBad(ids.cart))}/customer`,
      `/store/carts/${segment(idOrBad(ids.cart))}/taxes`,
      `/store/carts/${segment(idOrBad(ids.cart))}/complete`,
      "/store/payment-collections",
      `/store/payment-collections/${segment(idOrBad("pay_col_x"))}/payment-sessions`,
      `/store/shipping-options/${segment(idOrBad(ids.shippingOption))}/calculate`,
      "/store/customers",
      "/store/customers/me",
      "/store/customers/me/addresses",
      `/store/customers/me/addresses/${segment(idOrBad(ids.customerAddress))}`,
      "/store/returns",
      `/store/orders/${segment(idOrBad(ids.order))}/transfer/request`,
      `/store/orders/${segment(idOrBad(ids.order))}/transfer/accept`,
      `/store/orders/${segment(idOrBad(ids.order))}/transfer/decline`,
      `/store/orders/${segment(idOrBad(ids.order))}/transfer/cancel`,
      "/store/search",
      "/auth/customer/emailpass",
      "/auth/customer/emailpass/register",
      "/auth/user/emailpass",
      "/auth/customer/emailpass/reset-password",
      "/auth/token/refresh",
      "/auth/session",
    ])
  const storeDeletes = () =>
    pick([
      `/store/carts/${segment(idOrBad(ids.cart))}/line-items/${segment(idOrBad(ids.lineItem))}`,
      `/store/carts/${segment(idOrBad(ids.cart))}/promotions`,
      `/store/customers/me/addresses/${segment(idOrBad(ids.customerAddress))}`,
    ])
  const adminGets = [
    "/admin/products",
    "/admin/orders",
    "/admin/customers",
    "/admin/regions",
    "/admin/collections",
    "/admin/product-categories",
    "/admin/inventory-items",
    "/admin/stock-locations",
    "/admin/sales-channels",
    "/admin/users",
    "/admin/promotions",
    "/admin/price-lists",
    "/admin/product-tags",
    "/admin/product-types",
    "/admin/shipping-options",
    "/admin/api-keys",
    "/admin/customer-groups",
    "/admin/draft-orders",
    "/admin/returns",
    "/admin/feature-flags",
    "/admin/stores",
    "/admin/product-variants",
    "/admin/reservations",
    "/admin/tax-regions",
    "/admin/notifications",
    "/admin/fulfillment-providers",
  ]
  const adminById = () =>
    pick([
      `/admin/products/${segment(idOrBad(ids.product))}`,
      `/admin/orders/${segment(idOrBad(ids.order))}`,
      `/admin/regions/${segment(idOrBad(ids.region))}`,
      `/admin/customers/${segment(idOrBad("cus_x"))}`,
      `/admin/product-categories/${segment(idOrBad(ids.category))}`,
      `/admin/collections/${segment(idOrBad(ids.collection))}`,
      `/admin/products/${segment(idOrBad(ids.product))}/variants/${segment(idOrBad(ids.variant))}`,
    ])
  const adminPosts = () =>
    pick([
      "/admin/products",
      `/admin/products/${segment(idOrBad(ids.product))}`,
      "/admin/collections",
      "/admin/product-categories",
      "/admin/customers",
      "/admin/regions",
      "/admin/promotions",
      "/admin/price-lists",
      `/admin/orders/${segment(idOrBad(ids.order))}`,
      "/admin/inventory-items",
      "/admin/stock-locations",
      "/admin/sales-channels",
      "/admin/product-tags",
    ])

  const queryString = () => {
    const parts: string[] = []
    const n = 1 + Math.floor(next() * 3)
    for (let i = 0; i < n; i++) {
      const name = pick(QUERY_NAMES)
      const value = next() < 0.15 ? pick(RAW_QUERY) : encode(badString())
      parts.push(`${encodeURI(name)}=${value}`)
    }
    return `?${parts.join("&")}`
  }
  const bodyValue = (depth: number): unknown => {
    const roll = next()
    if (depth < 3 && roll < 0.15) return bodyObject(depth + 1)
    if (depth < 3 && roll < 0.22) return [bodyValue(depth + 1), bodyValue(depth + 1)]
    return pick(BAD_VALUES)
  }
  const bodyObject = (depth: number): Record<string, unknown> => {
    const body: Record<string, unknown> = {}
    const n = 1 + Math.floor(next() * 4)
    for (let i = 0; i < n; i++) body[pick(BODY_KEYS)] = bodyValue(depth)
    if (next() < 0.1) {
      let deep: unknown = "bottom"
      for (let i = 0; i < 50 + Math.floor(next() * 2_000); i++) deep = { m: deep }
      body.metadata = deep
    }
    if (next() < 0.2)
      body.items = [{ variant_id: next() < 0.5 ? ids.variant : badString(), quantity: pick(BAD_VALUES) }]
    if (next() < 0.2) body.shipping_address = { country_code: pick(BAD_VALUES), address_1: badString() }
    return body
  }

  const requests: FuzzRequest[] = []
  for (let i = 0; i < count; i++) {
    const auth = pick(["none", "none", "customer", "admin", "garbage"] as const)
    const kind = next()
    let request: FuzzRequest
    if (kind < 0.3) request = { method: "get", url: pick(storeGets) + queryString(), auth }
    else if (kind < 0.42) request = { method: "get", url: storeGetById() + (next() < 0.5 ? queryString() : ""), auth }
    else if (kind < 0.67) request = { method: "post", url: storePosts(), body: bodyObject(0), auth }
    else if (kind < 0.72) request = { method: "delete", url: storeDeletes(), auth }
    else if (kind < 0.84)
      request = { method: "get", url: pick(adminGets) + queryString(), auth: next() < 0.8 ? "admin" : auth }
    else if (kind < 0.9)
      request = {
        method: "get",
        url: adminById() + (next() < 0.5 ? queryString() : ""),
        auth: next() < 0.8 ? "admin" : auth,
      }
    else request = { method: "post", url: adminPosts(), body: bodyObject(0), auth: next() < 0.8 ? "admin" : auth }
    if (request.method === "post" && next() < 0.05) {
      request.rawBody = pick([
        '{"email": ',
        "[[[[",
        '{"a":1}{"b":2}',
        "\u0000",
        '{"quantity": NaN}',
        "null",
        '"string"',
        "1e999",
      ])
    }
    requests.push(request)
  }
  return requests
}
