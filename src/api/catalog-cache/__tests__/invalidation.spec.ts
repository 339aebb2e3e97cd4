import { invalidateCatalogAfterWrite, invalidateStockAfterCheckout } from "../write-invalidation"
import { catalogCacheStore } from "../../../lib/catalog-cache/stores/process-stores"
import { resetSettings } from "../../../lib/settings"

type Middleware = ReturnType<typeof invalidateCatalogAfterWrite>

/** Runs one write request through the middleware and ends its response; resolves once the answer has left. */
function write(middleware: Middleware, extra: Record<string, unknown> = {}) {
  return new Promise<void>((resolve) => {
    const req: any = { method: "POST", originalUrl: "/admin/products/prod_1", headers: {}, ...extra }
    const res: any = { end: () => resolve() }
    middleware(req, res, () => res.end())
  })
}

/** A request scope whose Query answers a cart graph read with these items (or fails). */
function scopeWithCart(items: Array<{ product_id: string | null }> | Error) {
  const graph = async () => {
    if (items instanceof Error) {
      throw items
    }
    return { data: [{ items }] }
  }
  return { resolve: (name: string) => (name === "query" ? { graph } : { warn: () => {} }) }
}

describe("catalog cache invalidation after a write", () => {
  const saved = process.env.REDIS_URL
  beforeAll(() => {
    delete process.env.REDIS_URL
    resetSettings()
  })
  afterAll(() => {
    if (saved !== undefined) {
      process.env.REDIS_URL = saved
    }
    resetSettings()
  })

  it("bumps on an admin write, but not on one Medusa did not authenticate", async () => {
    const admin = invalidateCatalogAfterWrite(["catalog", "inventory"], { authenticatedOnly: true })
    const before = await catalogCacheStore().generations()
    await write(admin)
    expect(await catalogCacheStore().generations()).toEqual(before)
    await write(admin, { auth_context: { actor_id: "user_1" } })
    expect(await catalogCacheStore().generations()).toEqual({
      catalog: before.catalog + 1,
      inventory: before.inventory + 1,
      stockEpoch: before.stockEpoch + 1,
    })
  })

  it("bumps the stock of the cart's products on a checkout, a guest's too, and nothing else", async () => {
    const store = catalogCacheStore()
    const before = await store.generations()
    const versions = await store.productStockVersions(["prod_a", "prod_b", "prod_c"])
    const scope = scopeWithCart([
      { product_id: "prod_a" },
      { product_id: "prod_b" },
      { product_id: "prod_a" },
      { product_id: null },
    ])
    await write(invalidateStockAfterCheckout, { params: { id: "cart_1" }, scope })
    expect(await store.generations()).toEqual({ ...before, inventory: before.inventory + 1 })
    expect(await store.productStockVersions(["prod_a", "prod_b", "prod_c"])).toEqual([
      versions[0] + 1,
      versions[1] + 1,
      versions[2],
    ])
  })

  it("marks all stock stale when the checkout's products cannot be looked up, and nothing for a cart without products", async () => {
    const store = catalogCacheStore()
    const before = await store.generations()
    await write(invalidateStockAfterCheckout, {
      params: { id: "cart_1" },
      scope: scopeWithCart(new Error("database gone")),
    })
    const after = { ...before, inventory: before.inventory + 1, stockEpoch: before.stockEpoch + 1 }
    expect(await store.generations()).toEqual(after)
    // An unknown cart, or one with custom items only: no stock changed, and anyone could otherwise flush all stock.
    await write(invalidateStockAfterCheckout, { params: { id: "cart_unknown" }, scope: scopeWithCart([]) })
    await write(invalidateStockAfterCheckout, {
      params: { id: "cart_2" },
      scope: scopeWithCart([{ product_id: null }]),
    })
    expect(await store.generations()).toEqual(after)
  })
})
