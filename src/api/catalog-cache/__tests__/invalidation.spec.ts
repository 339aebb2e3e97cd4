import { invalidateCatalogAfterWrite } from "../middleware"
import { catalogCacheStore } from "../store"

/** Runs one write request through the middleware and ends its response; resolves once the answer has left. */
function write(middleware: ReturnType<typeof invalidateCatalogAfterWrite>, auth_context?: { actor_id: string }) {
  return new Promise<void>((resolve) => {
    const req: any = { method: "POST", originalUrl: "/admin/products/prod_1", headers: {}, auth_context }
    const res: any = { end: () => resolve() }
    middleware(req, res, () => res.end())
  })
}

describe("catalog cache invalidation after a write", () => {
  const saved = process.env.REDIS_URL
  beforeAll(() => delete process.env.REDIS_URL)
  afterAll(() => saved !== undefined && (process.env.REDIS_URL = saved))

  it("bumps on an admin write, but not on one Medusa did not authenticate", async () => {
    const admin = invalidateCatalogAfterWrite(["catalog", "inventory"], { authenticatedOnly: true })
    const before = await catalogCacheStore().generations()
    await write(admin)
    expect(await catalogCacheStore().generations()).toEqual(before)
    await write(admin, { actor_id: "user_1" })
    expect(await catalogCacheStore().generations()).toEqual({ catalog: before.catalog + 1, inventory: before.inventory + 1 })
  })

  it("bumps on a checkout, a guest's too", async () => {
    const checkout = invalidateCatalogAfterWrite(["inventory"])
    const before = await catalogCacheStore().generations()
    await write(checkout)
    expect(await catalogCacheStore().generations()).toEqual({ ...before, inventory: before.inventory + 1 })
  })
})
