import type { SearchTypes } from "@medusajs/framework/types"
import ElasticsearchSearchProviderService from "../src/providers/elasticsearch/service"

/**
 * The provider against a real Elasticsearch 8.x/9.x, only when ELASTICSEARCH_URL is set (plus ELASTICSEARCH_API_KEY
 * or ELASTICSEARCH_USERNAME/PASSWORD, ELASTICSEARCH_CA_FILE as needed). It works under its own index prefix and
 * deletes what it created. Without ELASTICSEARCH_URL a single test reports, loudly, that nothing was verified.
 */
const url = process.env.ELASTICSEARCH_URL
const logger = { warn: jest.fn(), info: jest.fn(), error: jest.fn(), debug: jest.fn() } as any

const fields: Record<string, SearchTypes.SearchFieldDefinition> = {
  id: { type: "keyword", filterable: true, sortable: true },
  title: { type: "text", searchable: { weight: 3 }, sortable: true },
  handle: { type: "keyword", searchable: true, filterable: true },
  status: { type: "keyword", filterable: true },
  tags: { type: "keyword", array: true, filterable: true, facetable: true },
  min_price: { type: "float", filterable: true, sortable: true, facetable: { types: ["range", "stats"] } },
  in_stock: { type: "boolean", filterable: true, facetable: true },
}
const products = [
  {
    id: "p1",
    title: "Classic T-Shirt",
    handle: "t-shirt",
    status: "published",
    tags: ["summer", "cotton"],
    min_price: 15,
    in_stock: true,
  },
  {
    id: "p2",
    title: "Zip Hoodie",
    handle: "hoodie",
    status: "published",
    tags: ["winter"],
    min_price: 45,
    in_stock: true,
  },
  {
    id: "p3",
    title: "Pullover Hoodie",
    handle: "pullover",
    status: "published",
    tags: ["winter", "cotton"],
    min_price: 40,
    in_stock: false,
  },
  {
    id: "p4",
    title: "Sweatpants",
    handle: "sweatpants",
    status: "draft",
    tags: ["winter"],
    min_price: 30,
    in_stock: true,
  },
]

if (!url) {
  describe("Elasticsearch provider, live", () => {
    it("is NOT verified against a live Elasticsearch: ELASTICSEARCH_URL is not set", () => {
      process.stderr.write(
        "\n== NO ELASTICSEARCH (ELASTICSEARCH_URL is not set): the live Elasticsearch suite did NOT run; " +
          "only the fake-server tests checked the provider.\n\n"
      )
      expect(process.env.ELASTICSEARCH_URL).toBeUndefined()
    })
  })
} else {
  describe(`Elasticsearch provider, live against ${new URL(url).host}`, () => {
    const prefix = `tienda_live_${Date.now()}_`
    const service = new ElasticsearchSearchProviderService(
      { logger },
      {
        node: url,
        apiKey: process.env.ELASTICSEARCH_API_KEY || undefined,
        username: process.env.ELASTICSEARCH_USERNAME || undefined,
        password: process.env.ELASTICSEARCH_PASSWORD || undefined,
        caFile: process.env.ELASTICSEARCH_CA_FILE || undefined,
        indexPrefix: prefix,
        replicas: 0,
        requestTimeoutMs: 10_000,
      }
    )
    const index: SearchTypes.ResolvedSearchIndexDefinition = {
      name: "product",
      entity: "product",
      primary_key: "id",
      provider: "elasticsearch",
      fields,
      settings: {},
      definition_hash: "live",
      physical_name: "product_v1",
      seed: async function* () {},
    }
    const search = (input: Partial<SearchTypes.ProviderSearchQuery>) =>
      service.search({ index, attributes_to_retrieve: ["id", "title"], pagination: { skip: 0, take: 20 }, ...input })
    const ids = (result: SearchTypes.SearchResult) => result.hits.map((hit) => hit.id)

    beforeAll(async () => {
      await service.upsertIndex({ index })
      await service.waitForTask(
        await service.upsertDocuments({ index: "product_v1", definition: index, documents: products })
      )
    }, 60_000)
    afterAll(() => service.deleteIndex({ index: "product_v1" }))

    it("lists the index with its document count", async () => {
      expect((await service.listIndexes()).find((info) => info.name === "product_v1")).toMatchObject({
        document_count: 4,
      })
    })

    it("matches whole words, prefixes with match_strategy last, and typos when asked", async () => {
      expect(ids(await search({ q: "hoodie" })).sort()).toEqual(["p2", "p3"])
      expect(ids(await search({ q: "hood" }))).toEqual([])
      expect(ids(await search({ q: "hood", search_options: { match_strategy: "last" } })).sort()).toEqual(["p2", "p3"])
      expect(ids(await search({ q: "tshrit", search_options: { typo_tolerance: true } }))).toContain("p1")
      expect(ids(await search({ q: "zip hoodie" }))).toEqual(["p2"])
      expect(ids(await search({ q: "zip pullover", search_options: { match_strategy: "any" } })).sort()).toEqual([
        "p2",
        "p3",
      ])
    })

    it("filters, facets, sorts, pages and highlights", async () => {
      const result = await search({
        filters: { status: "published", min_price: { $gte: 20 } },
        pagination: { skip: 0, take: 1, order: { min_price: "DESC" } },
        search_options: {
          facets: [
            "tags",
            "in_stock",
            { field: "min_price", type: "stats" },
            { field: "min_price", type: "range", ranges: [{ to: 42 }, { from: 42 }] },
          ],
        },
      })
      expect(ids(result)).toEqual(["p2"])
      expect(result.metadata.count).toBe(2)
      expect(result.facets).toEqual({
        tags: {
          type: "value",
          values: [
            { value: "winter", count: 2 },
            { value: "cotton", count: 1 },
          ],
        },
        // Equal counts go by key, and Elasticsearch keys booleans as 0/1.
        in_stock: {
          type: "value",
          values: [
            { value: "false", count: 1 },
            { value: "true", count: 1 },
          ],
        },
        min_price: {
          type: "range",
          ranges: [
            { key: "*-42", from: undefined, to: 42, count: 1 },
            { key: "42-*", from: 42, to: undefined, count: 1 },
          ],
        },
      })
      const highlighted = await search({ q: "hoodie", search_options: { highlight: { fields: ["title"] } } })
      expect(highlighted.hits[0].highlights!.title[0]).toMatch(/<mark>Hoodie<\/mark>/)
    })

    it("deletes by id and by filter, then clears", async () => {
      await service.waitForTask(await service.deleteDocuments({ index: "product_v1", filters: { id: ["p1"] } }))
      await service.waitForTask(await service.deleteDocuments({ index: "product_v1", filters: { status: "draft" } }), {
        timeout_ms: 30_000,
      })
      expect(ids(await search({})).sort()).toEqual(["p2", "p3"])
      await service.clearIndex({ index: "product_v1" })
      expect((await search({})).metadata.count).toBe(0)
    })
  })
}
