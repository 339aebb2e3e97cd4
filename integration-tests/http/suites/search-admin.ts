import type { RunnerContext } from "../../helpers/test-runner"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { buildSearchIndex } from "../../../src/scripts/seed/search-index"
import products from "../../../data/products.json"
import { adminHeaders } from "../../helpers/admin"
import { eventually, indexedCount, searchProducts, titles } from "../../helpers/search"
import { failure, publishableKey } from "../../helpers/store"
export function searchAdminSuite({ api, getContainer }: RunnerContext): void {
  let store: { headers: Record<string, string> }
  let admin: { headers: Record<string, string> }
  const search = (body: Record<string, unknown> = {}) => searchProducts(api, store, body)
  const q = (text: string, extra: Record<string, unknown> = {}) => search({ filters: { q: text }, ...extra })

  beforeAll(async () => {
    store = { headers: { "x-publishable-api-key": await publishableKey(getContainer()) } }
    await eventually(async () => expect(await indexedCount(getContainer())).toBe(products.length), 30_000)
  })

  beforeEach(async () => {
    admin = await adminHeaders(api)
  })

  it("keeps synonyms and insights behind admin auth: anonymous and customers get 401", async () => {
    const { data: login } = await api.post(
      "/auth/customer/emailpass",
      { email: "ana.garcia@example.com", password: "tienda-demo-1" },
      store
    )
    const customer = { headers: { ...store.headers, authorization: `Bearer ${login.token}` } }
    const requests = [
      (h?: object) => api.get("/admin/search-synonyms", h),
      (h?: object) => api.post("/admin/search-synonyms", { terms: ["a", "b"] }, h),
      (h?: object) => api.post("/admin/search-synonyms/ssyn_1", { terms: ["a", "b"] }, h),
      (h?: object) => api.delete("/admin/search-synonyms/ssyn_1", h),
      (h?: object) => api.get("/admin/search-insights?days=7", h),
      (h?: object) => api.get("/admin/search-insights/index-status", h),
    ]
    for (const request of requests) {
      expect((await failure(request())).status).toBe(401)
      expect((await failure(request(customer))).status).toBe(401)
    }
    const { data } = await api.get("/admin/search-synonyms", admin)
    expect(data.synonyms).toEqual([])
  })

  it("applies a synonym added in the admin on the next query, and stops when it is removed", async () => {
    expect(titles(await q("jumper"))).not.toContain("Merino Crewneck Sweater")

    const { status, data } = await api.post("/admin/search-synonyms", { terms: ["Jumper", "sweater", "jumper"] }, admin)
    expect(status).toBe(201)
    expect(data.synonym.terms).toEqual(["jumper", "sweater"])
    expect(titles(await q("jumper"))[0]).toBe("Merino Crewneck Sweater")
    // Among other words: the query with the term swapped.
    expect(titles(await q("merino jumper"))).toEqual(["Merino Crewneck Sweater"])
    // A two-way group: "sweater" also finds what "jumper" finds (nothing more here).
    expect(titles(await q("sweater"))[0]).toBe("Merino Crewneck Sweater")

    const { data: edited } = await api.post(`/admin/search-synonyms/${data.synonym.id}`, { terms: ["jumper", "cardigan"] }, admin)
    expect(edited.synonym.terms).toEqual(["jumper", "cardigan"])
    expect(titles(await q("jumper"))[0]).toBe("Cable Knit Cardigan")

    await api.delete(`/admin/search-synonyms/${data.synonym.id}`, admin)
    expect(titles(await q("jumper"))).not.toContain("Cable Knit Cardigan")
    expect((await api.get("/admin/search-synonyms", admin)).data.synonyms).toEqual([])
  })

  it("refuses malformed synonym groups and unknown ids", async () => {
    const one = await failure(api.post("/admin/search-synonyms", { terms: ["tee"] }, admin))
    expect(one).toMatchObject({ status: 400, data: { message: expect.stringMatching(/at least two/) } })
    const text = await failure(api.post("/admin/search-synonyms", { terms: "tee,t-shirt" }, admin))
    expect(text.status).toBe(400)
    const missing = await failure(api.post("/admin/search-synonyms/ssyn_missing", { terms: ["a", "b"] }, admin))
    expect(missing.status).toBe(404)
    expect((await failure(api.delete("/admin/search-synonyms/ssyn_missing", admin))).status).toBe(404)
  })

  it("records store searches without personal data and reports top and zero-result queries", async () => {
    for (const text of ["Linen", "linen ", "LINEN", "hoodie", "zzqxv"]) {
      await q(text)
    }
    await q("linen", { pagination: { skip: 20, take: 20 } }) // a later page: not a new search
    await api.get("/store/search/autocomplete?q=linen", store) // keystrokes: not recorded

    const { data: week } = await eventually(async () => {
      const response = await api.get("/admin/search-insights?days=7", admin)
      expect(response.data.top_queries[0]).toMatchObject({ query: "linen", searches: 3 })
      return response
    })
    expect(week.days).toBe(7)
    const linenCount = (await q("linen", { search_options: { typo_tolerance: false } })).metadata.count
    expect(week.top_queries[0].last_result_count).toBe(linenCount)
    expect(week.top_queries.map((row: any) => row.query)).toEqual(expect.arrayContaining(["hoodie", "zzqxv"]))
    expect(week.zero_result_queries.map((row: any) => row.query)).toEqual(["zzqxv"])
    const { data: month } = await api.get("/admin/search-insights?days=30&limit=1", admin)
    expect(month.top_queries).toHaveLength(1)

    const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
    const columns = await knex("information_schema.columns").where({ table_name: "search_query_log" }).pluck("column_name")
    expect(columns.sort()).toEqual(["created_at", "deleted_at", "id", "query", "result_count", "updated_at"])

    expect((await failure(api.get("/admin/search-insights?days=9", admin))).status).toBe(400)
  })

  it("shows the product index in Settings → Search with its document count, and rebuilds it", async () => {
    const { data: indexes } = await api.get("/admin/search-indexes", admin)
    expect(indexes.search_indexes).toEqual([
      expect.objectContaining({ name: "product", entity: "product", provider: expect.stringMatching(/postgres/), status: "ready" }),
    ])
    const { data: status } = await api.get("/admin/search-insights/index-status", admin)
    expect(status).toEqual({ index: "product", documents: products.length, published_products: products.length })

    const started = Date.now()
    const { status: code } = await api.post("/admin/search-indexes/product/reindex", {}, admin)
    expect(code).toBe(202)
    await eventually(async () => {
      const { data } = await api.get("/admin/search-indexes", admin)
      expect(data.search_indexes[0].status).toBe("ready")
      expect(await indexedCount(getContainer())).toBe(products.length)
    }, 30_000)
    console.log(`search rebuild: ${products.length} products in ${Date.now() - started} ms`)
    expect(titles(await q("hood"))[0]).toBe("Loopback Cotton Hoodie")

    // What the seed script runs last, so a fresh `npm start` serves search at once.
    expect(await buildSearchIndex(getContainer())).toBe("built")
    expect(await indexedCount(getContainer())).toBe(products.length)
  })
}
