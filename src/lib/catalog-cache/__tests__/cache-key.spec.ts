import {
  cacheKey,
  documentGeneration,
  documentKey,
  isCacheable,
  normalizedQuery,
  readGeneration,
  showsInventory,
} from "../cache-key"

const request = (originalUrl: string, headers: Record<string, string> = {}, method = "GET") => ({
  method,
  originalUrl,
  headers,
})

describe("catalog cache key", () => {
  it("caches anonymous GETs of the catalog routes only", () => {
    expect(isCacheable(request("/store/products?limit=20"))).toBe(true)
    expect(isCacheable(request("/store/products/prod_1"))).toBe(true)
    expect(isCacheable(request("/store/product-categories"))).toBe(true)
    expect(isCacheable(request("/store/collections/pcol_1"))).toBe(true)
    expect(isCacheable(request("/store/regions"))).toBe(true)
    expect(isCacheable(request("/store/products", {}, "POST"))).toBe(false)
    expect(isCacheable(request("/store/carts/cart_1"))).toBe(false)
    expect(isCacheable(request("/store/orders/order_1"))).toBe(false)
    expect(isCacheable(request("/store/customers/me"))).toBe(false)
    expect(isCacheable(request("/store/shipping-options?cart_id=cart_1"))).toBe(false)
    expect(isCacheable(request("/store/products/prod_1/variants/x"))).toBe(false)
    expect(isCacheable(request("/admin/products"))).toBe(false)
  })

  it("never caches a request with a session cookie (bearer tokens are keyed by customer group)", () => {
    expect(isCacheable(request("/store/products", { cookie: "connect.sid=x" }))).toBe(false)
    expect(isCacheable(request("/store/products", { authorization: "Bearer x" }))).toBe(true)
  })

  it("normalises the order of parameters but keeps the order of repeated values", () => {
    expect(normalizedQuery("/store/products?region_id=r&limit=20")).toBe(
      normalizedQuery("/store/products?limit=20&region_id=r")
    )
    expect(normalizedQuery("/store/products?a=1&a=2")).not.toBe(normalizedQuery("/store/products?a=2&a=1"))
    expect(normalizedQuery("/store/products?fields=%2Bvariants.sku")).toBe(
      normalizedQuery("/store/products?fields=%2bvariants.sku")
    )
    expect(normalizedQuery("/store/products")).toBe("")
  })

  it("keys on path, query, publishable key, locale and generations", () => {
    const base = cacheKey(request("/store/products?limit=20", { "x-publishable-api-key": "pk_1" }), "1")
    expect(cacheKey(request("/store/products?limit=20", { "x-publishable-api-key": "pk_1" }), "1")).toBe(base)
    expect(cacheKey(request("/store/products?limit=21", { "x-publishable-api-key": "pk_1" }), "1")).not.toBe(base)
    expect(cacheKey(request("/store/products?limit=20", { "x-publishable-api-key": "pk_2" }), "1")).not.toBe(base)
    expect(
      cacheKey(
        request("/store/products?limit=20", { "x-publishable-api-key": "pk_1", "x-medusa-locale": "es-ES" }),
        "1"
      )
    ).not.toBe(base)
    expect(cacheKey(request("/store/products?limit=20", { "x-publishable-api-key": "pk_1" }), "2")).not.toBe(base)
    expect(cacheKey(request("/store/regions?limit=20", { "x-publishable-api-key": "pk_1" }), "1")).not.toBe(base)
    expect(cacheKey(request("/store/products?limit=20", { "x-publishable-api-key": "pk_1" }), "1", "groups:")).not.toBe(
      base
    )
    expect(
      cacheKey(request("/store/products?limit=20", { "x-publishable-api-key": "pk_1" }), "1", "groups:cg_1")
    ).not.toBe(cacheKey(request("/store/products?limit=20", { "x-publishable-api-key": "pk_1" }), "1", "groups:cg_2"))
  })

  it("tells answers that show stock levels", () => {
    expect(showsInventory("/store/products?fields=%2Bvariants.inventory_quantity")).toBe(true)
    expect(showsInventory("/store/products?fields=*variants.calculated_price")).toBe(false)
    expect(showsInventory("/store/products?q=%E0%A4%A")).toBe(false)
    // A malformed escape in one parameter does not hide an encoded field name in another.
    expect(showsInventory("/store/products?q=%E0%A4%A&fields=%2Bvariants.%69nventory_quantity")).toBe(true)
    expect(showsInventory("/store/products/prod_1")).toBe(false)
  })

  it("keys answers by every stock change, documents by the stock epoch and their product's own stock version", () => {
    const generations = { catalog: 7, inventory: 40, stockEpoch: 3 }
    const stock = "/store/products?fields=%2Bvariants.inventory_quantity"
    expect(readGeneration(stock, generations)).toBe("7.40")
    expect(documentGeneration(stock, generations)).toBe("7.s3")
    expect(readGeneration("/store/products", generations)).toBe("7")
    expect(documentGeneration("/store/products", generations)).toBe("7")
    expect(documentKey("r", "prod_1")).toBe("r:prod_1")
    expect(documentKey("r", "prod_1", 0)).not.toBe(documentKey("r", "prod_1", 1))
    expect(documentKey("r", "prod_1", 0)).not.toBe(documentKey("r", "prod_1"))
  })
})
