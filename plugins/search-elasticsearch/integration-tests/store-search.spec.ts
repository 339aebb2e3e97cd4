import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { seedDemoStore } from "../../../src/scripts/seed"
import products from "../../../data/products.json"
import { eventually, searchProducts } from "../../../integration-tests/helpers/search"
import { failure, publishableKey } from "../../../integration-tests/helpers/store"
import { FakeElasticsearch } from "./fake-elasticsearch"

jest.setTimeout(180_000)

const es = new FakeElasticsearch()
const ENV = {
  ELASTICSEARCH_URL: "",
  ELASTICSEARCH_INDEX_PREFIX: "test_",
  ELASTICSEARCH_TIMEOUT_MS: "500",
  ELASTICSEARCH_REPLICAS: "0",
}

// Registered before the runner's own hooks, so the fake listens (on a port the system picks) before Medusa migrates
// and boots. The runner loads medusa-config.ts in its beforeAll, before applying its `env` option, so the variables
// are set here (jest gives each test file its own process.env).
beforeAll(async () => {
  await es.start()
  Object.assign(process.env, ENV, { ELASTICSEARCH_URL: es.url })
})
afterAll(async () => {
  await es.stop()
  for (const name of Object.keys(ENV)) {
    delete process.env[name]
  }
})

const isSearch = (r: { path: string }) => r.path === "/_msearch"

/**
 * The whole app with ELASTICSEARCH_URL set, against the fake Elasticsearch: medusa-config.ts registers the
 * provider as the Search Module's default, migrating creates Tienda's product index (src/search/product.ts) there,
 * the seed's events write its documents, and POST /store/search is answered through it — or with a 503 when
 * Elasticsearch does not answer in time. The fake does not evaluate queries: what is checked is what the app
 * sends and the shape it answers with, not relevance.
 *
 * Migrated from an empty database, not from the HTTP specs' template: on the template the product index already
 * lives on PostgreSQL, so migrating there is a provider switch (a new `product_v2` on Elasticsearch), not the fresh
 * install this spec checks.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: { headers: Record<string, string> }
    const generation = () => es.resolve("test_product_v1")[0]

    beforeAll(async () => {
      await seedDemoStore(getContainer())
      headers = { headers: { "x-publishable-api-key": await publishableKey(getContainer()) } }
      await eventually(
        async () => expect(es.indices.get(generation())?.docs.size).toBe((products as any[]).length),
        30_000
      )
    })

    it("migrating created the product index on Elasticsearch, behind an alias, from Tienda's definition", () => {
      const mapping = es.indices.get(generation())!.mappings
      expect(mapping._meta.tienda_search).toMatchObject({ physical_name: "product_v1", primary_key: "id" })
      expect(mapping.properties.title).toMatchObject({
        type: "text",
        fields: { raw: { type: "keyword" }, prefix: expect.any(Object) },
      })
      expect(mapping.properties.status).toMatchObject({ type: "keyword" })
      expect(es.requests.some((r) => r.path === "/_bulk")).toBe(true)
    })

    it("POST /store/search is answered through Elasticsearch, narrowed to published products of the key's sales channel", async () => {
      const before = es.requests.length
      const result = await searchProducts(api, headers, {
        filters: { q: "tee" },
        pagination: { take: 5 },
        search_options: { facets: ["tags"], match_strategy: "last" },
      })
      // Tienda's search middleware may ask more than once (e.g. a typo fallback); find the page that was answered.
      const pairs = es.requests
        .slice(before)
        .filter(isSearch)
        .flatMap((request) =>
          request.body.flatMap((line: any, i: number) => (i % 2 ? [] : [[line, request.body[i + 1]]]))
        )
      const [header, body] = pairs.find(([, candidate]: any[]) => candidate.size === 5)!
      expect(header).toEqual({ index: "test_product_v1" })
      const filters = JSON.stringify(body.query.bool.filter)
      expect(filters).toContain('"status":["published"]')
      expect(filters).toContain('"sales_channel_ids":["sc_')
      expect(JSON.stringify(body.query.bool.must)).toContain('"query":"tee"')
      expect(Object.keys(result)).toEqual(expect.arrayContaining(["hits", "metadata"]))
      expect(result.hits).toHaveLength(5)
      expect(result.hits[0]).toEqual({
        id: expect.stringMatching(/^prod_/),
        document: expect.objectContaining({ title: expect.any(String) }),
      })
      expect(result.metadata).toMatchObject({ skip: 0, take: 5, count: (products as any[]).length, query: "tee" })
    })

    it("answers 503 within the timeout when Elasticsearch is too slow, and the rest of the store keeps working", async () => {
      es.delay(isSearch, 3_000)
      const started = Date.now()
      const answer = await failure(searchProducts(api, headers, { filters: { q: "hoodie" } }))
      expect(Date.now() - started).toBeLessThan(2_500)
      expect(answer).toEqual({
        status: 503,
        data: expect.objectContaining({
          code: "search_unavailable",
          message: "Search is temporarily unavailable; try again shortly.",
        }),
      })
      const listed = await api.get("/store/products?limit=1", headers)
      expect(listed.status).toBe(200)
    })
  },
})
