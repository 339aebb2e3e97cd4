import type { RunnerContext } from "../../helpers/test-runner"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { buildSearchIndex } from "../../../src/scripts/seed/search-index"
import products from "../../../data/products.json"
import { adminHeaders } from "../../helpers/admin"
import { eventually, indexedCount, searchProducts, titles } from "../../helpers/search"
import { failure, publishableKey } from "../../helpers/store"
import { insightRows, withEnv } from "../../helpers/search-insights"
import { purgeExpiredSearchInsights } from "../../../src/jobs/purge-expired-search-insights"
import { Migration20261205120000 } from "../../../src/modules/search-tuning/migrations/Migration20261205120000"
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
      (h?: object) => api.post("/admin/search-insights/purge", {}, h),
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

    const { data: edited } = await api.post(
      `/admin/search-synonyms/${data.synonym.id}`,
      { terms: ["jumper", "cardigan"] },
      admin
    )
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
    expect(week).toMatchObject({ days: 7, retention_days: 90, queries_per_day: 1000 })
    expect(week.other_queries).toEqual({ searches: 0, zero_result_searches: 0 })
    const linenCount = (await q("linen", { search_options: { typo_tolerance: false } })).metadata.count
    expect(week.top_queries[0].last_result_count).toBe(linenCount)
    expect(week.top_queries.map((row: any) => row.query)).toEqual(expect.arrayContaining(["hoodie", "zzqxv"]))
    expect(week.zero_result_queries).toEqual([
      expect.objectContaining({ query: "zzqxv", searches: 1, zero_result_searches: 1 }),
    ])
    const { data: month } = await api.get("/admin/search-insights?days=30&limit=1", admin)
    expect(month.top_queries).toHaveLength(1)

    const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
    const columns = await knex("information_schema.columns")
      .where({ table_name: "search_query_day" })
      .pluck("column_name")
    expect(columns.sort()).toEqual([
      "created_at",
      "day",
      "deleted_at",
      "id",
      "last_result_count",
      "last_searched_at",
      "query",
      "searches",
      "updated_at",
      "zero_result_searches",
    ])
    // One row per query and day, not one per search (the three above and the one that read the count); the
    // per-search log is gone.
    await eventually(async () => {
      expect((await insightRows(getContainer())).filter((row) => row.query === "linen")).toEqual([
        expect.objectContaining({ searches: 4, zero_result_searches: 0 }),
      ])
    })
    expect((await knex.raw(`select to_regclass('search_query_log') as log`)).rows[0].log).toBeNull()

    expect((await failure(api.get("/admin/search-insights?days=9", admin))).status).toBe(400)
  })

  it("shows the product index in Settings → Search with its document count, and rebuilds it", async () => {
    const { data: indexes } = await api.get("/admin/search-indexes", admin)
    expect(indexes.search_indexes).toEqual([
      expect.objectContaining({
        name: "product",
        entity: "product",
        provider: expect.stringMatching(/postgres/),
        status: "ready",
      }),
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

  describe("insights retention and purge", () => {
    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
    const queriesOf = async () => (await insightRows(getContainer())).map((row) => row.query).sort()
    const backdate = (query: string, days: number) =>
      knex().raw(`UPDATE search_query_day SET day = day - make_interval(days => ?) WHERE query = ?`, [days, query])

    it("deletes insights older than TIENDA_SEARCH_INSIGHTS_DAYS in the scheduled job's function", async () => {
      for (const text of ["linen", "hoodie", "wool", "zzqxv"]) {
        await q(text)
      }
      await eventually(async () => expect(await queriesOf()).toEqual(["hoodie", "linen", "wool", "zzqxv"]))
      await backdate("hoodie", 90) // the 91st day back: past the default 90 days
      await backdate("linen", 89) // the 90th day back: kept
      await backdate("wool", 2)

      expect(await purgeExpiredSearchInsights(getContainer(), new Date())).toBe(1)
      expect(await queriesOf()).toEqual(["linen", "wool", "zzqxv"])
      expect(await purgeExpiredSearchInsights(getContainer(), new Date())).toBe(0)

      await withEnv({ TIENDA_SEARCH_INSIGHTS_DAYS: "2" }, async () => {
        // Reads stop at the retention period too, before the job has run.
        const { data } = await api.get("/admin/search-insights?days=7", admin)
        expect(data.retention_days).toBe(2)
        expect(data.top_queries.map((row: any) => row.query)).toEqual(["zzqxv"])
        expect(await purgeExpiredSearchInsights(getContainer(), new Date())).toBe(2)
        expect(await queriesOf()).toEqual(["zzqxv"])
      })
    })

    it("keeps nothing with TIENDA_SEARCH_INSIGHTS_DAYS=0: no search is recorded, the job deletes every row", async () => {
      await q("linen")
      await eventually(async () => expect(await queriesOf()).toEqual(["linen"]))
      await withEnv({ TIENDA_SEARCH_INSIGHTS_DAYS: "0" }, async () => {
        await q("hoodie")
        expect(await purgeExpiredSearchInsights(getContainer(), new Date())).toBe(1)
        const { data } = await api.get("/admin/search-insights?days=7", admin)
        expect(data).toMatchObject({ retention_days: 0, top_queries: [], zero_result_queries: [] })
      })
      await q("wool") // recorded again: once it is, the search made while insights were off would be too
      await eventually(async () => expect(await queriesOf()).toEqual(["wool"]))
    })

    it("purges every insight from the admin API", async () => {
      for (const text of ["linen", "zzqxv", "a@b.co"]) {
        await q(text)
      }
      await eventually(async () => expect(await queriesOf()).toHaveLength(3))
      await backdate("linen", 20)
      const { status, data } = await api.post("/admin/search-insights/purge", {}, admin)
      expect({ status, data }).toEqual({ status: 200, data: { deleted: 3 } })
      expect(await insightRows(getContainer())).toEqual([])
      const { data: month } = await api.get("/admin/search-insights?days=30", admin)
      expect(month).toMatchObject({ top_queries: [], zero_result_queries: [], other_queries: { searches: 0 } })
    })

    it("carries the per-search log of earlier versions over into daily rows, redacted, and drops it", async () => {
      const db = knex()
      await db.raw(
        `create table "search_query_log" ("id" text not null, "query" text not null, "result_count" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "search_query_log_pkey" primary key ("id"))`
      )
      const ago = (days: number, hour = 12) =>
        new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() - days, hour))
      const log = [
        ["linen", 5, ago(1, 8)],
        ["Linen ", 0, ago(1, 9)],
        ["LINEN", 4, ago(1, 10)],
        ["ana@example.com", 0, ago(1)],
        ["bob@example.com", 0, ago(1)],
        ["call 612 345 678", 0, ago(3)],
        ["wool", 7, ago(120)], // beyond the default retention: not carried over
      ].map(([query, result_count, created_at], i) => ({ id: `sqlog_${i}`, query, result_count, created_at }))
      await db("search_query_log").insert([
        ...log,
        { id: "sqlog_gone", query: "deleted", result_count: 1, deleted_at: new Date() },
      ])

      const migration = new Migration20261205120000(
        { execute: async (sql: string, params: unknown[] = []) => (await db.raw(sql, params)).rows } as any,
        {} as any
      )
      await migration.up()
      for (const sql of migration.getQueries()) {
        await db.raw(sql)
      }
      const day = (days: number) => ago(days, 0).toISOString().slice(0, 10)
      expect(await insightRows(getContainer())).toEqual([
        { day: day(3), query: "call [number]", searches: 1, zero_result_searches: 1, last_result_count: 0 },
        { day: day(1), query: "[email]", searches: 2, zero_result_searches: 2, last_result_count: 0 },
        { day: day(1), query: "linen", searches: 3, zero_result_searches: 1, last_result_count: 4 },
      ])
      expect((await db.raw(`select to_regclass('search_query_log') as log`)).rows[0].log).toBeNull()
    })
  })
}
