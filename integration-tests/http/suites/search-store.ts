import type { RunnerContext } from "../../helpers/test-runner"
import products from "../../../data/products.json"
import categories from "../../../data/categories.json"
import collections from "../../../data/collections.json"
import { eventually, indexedCount, searchProducts, titles } from "../../helpers/search"
import { failure, publishableKey } from "../../helpers/store"
import { inParallel, insightRows, withEnv } from "../../helpers/search-insights"

const demo = products as any[]
const published = demo.length
const categoryNames: Record<string, string> = Object.fromEntries(
  (categories as any[]).flatMap((parent) => (parent.children ?? []).map((child: any) => [child.handle, child.name]))
)
const collectionTitles: Record<string, string> = Object.fromEntries(
  (collections as any[]).map((c) => [c.handle, c.title])
)
/** Products of the demo data matching `predicate`, by title. */
const demoTitles = (predicate: (product: any) => boolean) =>
  demo
    .filter(predicate)
    .map((product) => product.title)
    .sort()
const lowestEur = (product: any) => Math.min(...product.variants.map((variant: any) => variant.prices.eur)) / 100
const countBy = (values: string[]) =>
  values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {})
const facetCounts = (facet: any) => Object.fromEntries(facet.values.map((entry: any) => [entry.value, entry.count]))
export function searchStoreSuite({ api, getContainer }: RunnerContext): void {
  let headers: { headers: Record<string, string> }
  const search = (body: Record<string, unknown> = {}) => searchProducts(api, headers, body)

  beforeAll(async () => {
    headers = { headers: { "x-publishable-api-key": await publishableKey(getContainer()) } }
    // The seeded template's index (built by the seed script) holds every published product.
    await eventually(async () => expect(await indexedCount(getContainer())).toBe(published), 30_000)
  })

  it("indexes every published demo product with its storefront fields", async () => {
    const result = await search({ filters: { handle: "organic-cotton-crew-tee" } })
    expect(result.metadata.count).toBe(1)
    const doc = result.hits[0].document
    expect(doc).toMatchObject({
      title: "Organic Cotton Crew Tee",
      subtitle: "Midweight 180 gsm jersey",
      handle: "organic-cotton-crew-tee",
      type: "T-Shirt",
      collection: "Everyday Basics",
      categories: ["Tops"],
      status: "published",
      prices: { eur: 28.95, usd: 31.99 },
    })
    expect(doc.tags).toEqual(expect.arrayContaining(["organic-cotton", "unisex", "bestseller"]))
    expect(doc.skus).toContain("TEE-CRW-BLK-S")
    expect(doc.options).toEqual(expect.arrayContaining(["Size: S", "Color: Navy"]))
    expect(doc.sales_channel_ids).toHaveLength(1)
    expect(doc.in_stock_sales_channel_ids).toEqual(doc.sales_channel_ids)
    expect(doc.keywords).toBeUndefined()
    expect(new Date(doc.created_at).getTime()).toBeGreaterThan(0)
  })

  it("ranks a title match first, every time (and reports the latency seen here)", async () => {
    const timings: number[] = []
    for (let i = 0; i < 30; i++) {
      const started = performance.now()
      const result = await search({ filters: { q: "linen trousers" }, search_options: { facets: ["categories"] } })
      timings.push(performance.now() - started)
      expect(titles(result)[0]).toBe("Linen Drawstring Trousers")
    }
    const sorted = timings.sort((a, b) => a - b)
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(1)
    console.log(`search latency (in-process HTTP, 49 products, one at a time): p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`)
  })

  it("tolerates typos and matches prefixes on the PostgreSQL provider", async () => {
    const typo = await search({ filters: { q: "tshrit" } })
    expect(titles(typo)).toEqual(expect.arrayContaining(["Organic Cotton Crew Tee", "Heavyweight Pocket Tee"]))
    const prefix = await search({ filters: { q: "hood" } })
    expect(titles(prefix)[0]).toBe("Loopback Cotton Hoodie")
    const exact = await search({ filters: { q: "hoodie" }, search_options: { typo_tolerance: false } })
    expect(titles(exact)).toEqual(["Loopback Cotton Hoodie"])
  })

  describe("filters", () => {
    const all = { pagination: { take: 100 } }

    it("by category, collection, tag and option value", async () => {
      const tops = await search({ ...all, filters: { categories: "Tops" } })
      expect(titles(tops).sort()).toEqual(demoTitles((p) => p.categories.includes("tops")))
      const topsById = await search({ ...all, filters: { category_ids: tops.hits[0].document.category_ids[0] } })
      expect(topsById.metadata.count).toBe(tops.metadata.count)

      const summer = await search({ ...all, filters: { collection: "Mediterranean Summer" } })
      expect(titles(summer).sort()).toEqual(demoTitles((p) => p.collection === "mediterranean-summer"))

      const linen = await search({ ...all, filters: { tags: "linen" } })
      expect(titles(linen).sort()).toEqual(demoTitles((p) => p.tags.includes("linen")))

      const navy = await search({ ...all, filters: { options: "Color: Navy" } })
      expect(titles(navy).sort()).toEqual(demoTitles((p) => p.variants.some((v: any) => v.options?.Color === "Navy")))
      expect(navy.metadata.count).toBeGreaterThan(0)
    })

    it("by price range in a currency", async () => {
      const result = await search({ ...all, filters: { "prices.eur": { $gte: 20, $lte: 40 } } })
      const expected = demoTitles((p) => lowestEur(p) >= 20 && lowestEur(p) <= 40)
      expect(expected.length).toBeGreaterThan(0)
      expect(titles(result).sort()).toEqual(expected)
    })

    it("in stock in the request's sales channel", async () => {
      const result = await search({ ...all, filters: { in_stock: true } })
      expect(result.metadata.count).toBe(published)
      const none = await search({ ...all, filters: { in_stock: false } })
      expect(none.metadata.count).toBe(0)
    })

    it("combines text and filters", async () => {
      const result = await search({ ...all, filters: { q: "linen", categories: "Bottoms" } })
      expect(titles(result)).toEqual(["Linen Drawstring Trousers"])
    })
  })

  it("counts facets over the seeded catalog", async () => {
    const result = await search({
      pagination: { take: 0 },
      search_options: {
        facets: [
          { field: "categories", limit: 50 },
          { field: "collection", limit: 50 },
          { field: "type", limit: 50 },
          {
            field: "prices.eur",
            type: "range",
            ranges: [
              { key: "under-30", to: 30 },
              { key: "30-plus", from: 30 },
            ],
          },
        ],
      },
    })
    expect(result.metadata.count).toBe(published)
    expect(facetCounts(result.facets!.categories)).toEqual(
      countBy(demo.flatMap((p) => p.categories.map((c: string) => categoryNames[c])))
    )
    expect(facetCounts(result.facets!.collection)).toEqual(
      countBy(demo.filter((p) => p.collection).map((p) => collectionTitles[p.collection]))
    )
    expect(facetCounts(result.facets!.type)).toEqual(countBy(demo.map((p) => p.type)))
    const ranges = result.facets!["prices.eur"].ranges
    expect(ranges.map((r: any) => r.count)).toEqual([
      demo.filter((p) => lowestEur(p) < 30).length,
      demo.filter((p) => lowestEur(p) >= 30).length,
    ])
  })

  it("sorts by price and by newest, and paginates", async () => {
    const cheapest = await search({ pagination: { take: 3, order: { "prices.eur": "ASC" } } })
    const prices = demo.map(lowestEur).sort((a, b) => a - b)
    expect(cheapest.hits.map((hit) => hit.document.prices.eur)).toEqual(prices.slice(0, 3))
    const dearest = await search({ pagination: { take: 1, order: { "prices.eur": "DESC" } } })
    expect(dearest.hits[0].document.prices.eur).toBe(prices[prices.length - 1])

    const newest = await search({ pagination: { take: 49, order: { created_at: "DESC" } } })
    const dates = newest.hits.map((hit) => new Date(hit.document.created_at).getTime())
    expect(dates).toEqual([...dates].sort((a, b) => b - a))

    const page1 = await search({ pagination: { take: 10, skip: 0, order: { "prices.eur": "ASC" } } })
    const page2 = await search({ pagination: { take: 10, skip: 10, order: { "prices.eur": "ASC" } } })
    expect(page2.metadata).toMatchObject({ skip: 10, take: 10, count: published })
    const ids = [...page1.hits, ...page2.hits].map((hit) => hit.id)
    expect(new Set(ids).size).toBe(20)
  })

  it("answers bad input with a clear 400", async () => {
    const bad = (body: Record<string, unknown>) => failure(api.post("/store/search", body, headers))
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ entity: "customer" }, /Unknown search index "customer"/],
      [{ entity: "product", filters: { colour: "red" } }, /Unknown filter field "colour"/],
      [{ entity: "product", filters: { "prices.eur": { $gte: "cheap" } } }, /Malformed price range/],
      [{ entity: "product", filters: { "prices.eur": { $gte: 50, $lte: 10 } } }, /lower bound 50 is above/],
      [{ entity: "product", pagination: { take: 101 } }, /100/],
      [{ entity: "product", filters: { q: "x".repeat(257) } }, /longer than 256/],
      [{ entity: "product", pagination: { order: { description: "ASC" } } }, /not sortable|sort/i],
      [{ entity: "product", search_options: { facets: ["description"] } }, /facet/i],
    ]
    for (const [body, message] of cases) {
      const { status, data } = await bad(body)
      expect({ body, status }).toEqual({ body, status: 400 })
      expect(data.message).toMatch(message)
    }
  })

  it("autocompletes from a prefix with few fields", async () => {
    const { data } = await api.get("/store/search/autocomplete?q=hood&limit=3", headers)
    expect(data.suggestions[0]).toMatchObject({ title: "Loopback Cotton Hoodie", handle: "loopback-cotton-hoodie" })
    expect(Object.keys(data.suggestions[0]).sort()).toEqual(["handle", "id", "thumbnail", "title"])
    const typo = await api.get("/store/search/autocomplete?q=tshrit", headers)
    expect(typo.data.suggestions.length).toBeGreaterThan(0)
    expect((await failure(api.get("/store/search/autocomplete?q=", headers))).status).toBe(400)
    expect((await failure(api.get("/store/search/autocomplete?q=tee&limit=50", headers))).status).toBe(400)
  })

  describe("insights", () => {
    const today = () => new Date().toISOString().slice(0, 10)
    const q = (text: string) => search({ filters: { q: text } })
    const rowsOf = async (queries: string[]) =>
      (await insightRows(getContainer())).filter((row) => queries.includes(row.query))

    it("counts 1,000 identical searches, 25 at a time, in one row of the day", async () => {
      const counts = await withEnv({ TIENDA_RATE_LIMIT_SEARCH_IP: "5000/60" }, async () => {
        const started = Date.now()
        const found = await inParallel(
          1000,
          25,
          async (i) => (await q(i % 2 ? "Merino  Wool" : "merino wool")).metadata.count
        )
        console.log(`search insights: 1,000 searches, 25 at a time, in ${Date.now() - started} ms`)
        return new Set(found)
      })
      expect(counts.size).toBe(1)
      await eventually(async () => {
        expect(await rowsOf(["merino wool"])).toEqual([
          {
            day: today(),
            query: "merino wool",
            searches: 1000,
            zero_result_searches: 0,
            last_result_count: [...counts][0],
          },
        ])
      }, 30_000)
    })

    it("stores emails and long numbers redacted and long queries cut, never the text as typed", async () => {
      await q("Ana.Garcia@Example.com")
      await q("linen for ana@gmail")
      await q("call me +34 612 345 678")
      await q("order 100234567 linen")
      await q("wool ".repeat(50))
      const expected = [
        "[email]",
        "linen for [email]",
        "call me [number]",
        "order [number] linen",
        `${"wool ".repeat(19)}wool…`,
      ]
      await eventually(async () =>
        expect((await rowsOf(expected)).map((row) => row.query).sort()).toEqual(expected.sort())
      )
      const stored = JSON.stringify(await insightRows(getContainer()))
      expect(stored).not.toMatch(/@|garcia|gmail|612|345 678|100234567/)
    })

    it("keeps at most TIENDA_SEARCH_INSIGHTS_QUERIES_PER_DAY new queries a day; further ones count as other", async () => {
      await eventually(async () => expect(await rowsOf(["capq-0"])).toEqual([])) // nothing left from before
      const before = (await insightRows(getContainer())).filter((row) => row.day === today() && row.query !== "")
      await withEnv({ TIENDA_SEARCH_INSIGHTS_QUERIES_PER_DAY: String(before.length + 3) }, async () => {
        // Ten new queries at once, each searched twice: only three get a row.
        await inParallel(20, 10, (i) => q(`capq-${i % 10}`))
        const names = Array.from({ length: 10 }, (_, i) => `capq-${i}`)
        const other = async () =>
          (await insightRows(getContainer())).find((row) => row.day === today() && row.query === "")
        await eventually(async () => {
          const kept = await rowsOf(names)
          expect(kept).toHaveLength(3)
          expect(kept.reduce((sum, row) => sum + row.searches, 0) + ((await other())?.searches ?? 0)).toBe(20)
        })
        const kept = await rowsOf(names)
        // A kept query got its row at its first search: both of its searches are in it.
        expect(kept.map((row) => row.searches)).toEqual([2, 2, 2])
        expect((await other())?.searches).toBe(14)
        // Queries that have their row keep counting after the cap is reached; new ones still go to other.
        await q(kept[0].query)
        await q("capq-new")
        await eventually(async () => expect((await rowsOf([kept[0].query]))[0].searches).toBe(3))
        await eventually(async () => expect((await other())?.searches).toBe(15))
        expect(await rowsOf(["capq-new"])).toEqual([])
      })
    })
  })
}
