import net from "node:net"
import type { SearchTypes } from "@medusajs/framework/types"
import ElasticsearchSearchProviderService from "../src/providers/elasticsearch/service"
import { buildIndexBody } from "../src/utils/index-body"
import { FakeElasticsearch, type RecordedRequest } from "./fake-elasticsearch"

/**
 * The provider class against a local fake Elasticsearch (fake-elasticsearch.ts): every request it sends is
 * asserted — index bodies, alias swaps, bulk NDJSON, delete-by-query, msearch bodies — and so is what it makes of
 * overload (429), slowness (timeouts) and an unreachable server.
 */
const logger = { warn: jest.fn(), info: jest.fn(), error: jest.fn(), debug: jest.fn() } as any

const fields: Record<string, SearchTypes.SearchFieldDefinition> = {
  id: { type: "keyword", filterable: true, sortable: true },
  title: { type: "text", searchable: { weight: 3 } },
  status: { type: "keyword", filterable: true },
  tags: { type: "keyword", array: true, filterable: true, facetable: true },
  min_price: { type: "float", filterable: true, sortable: true, facetable: { types: ["range", "stats"] } },
}

function definition(
  overrides: Partial<SearchTypes.ResolvedSearchIndexDefinition> = {}
): SearchTypes.ResolvedSearchIndexDefinition {
  return {
    name: "product",
    entity: "product",
    primary_key: "id",
    provider: "elasticsearch",
    fields,
    settings: { typo_tolerance: { min_word_size_for_one_typo: 4 } },
    definition_hash: "h1",
    physical_name: "product_v1",
    seed: async function* () {},
    ...overrides,
  }
}

const docs = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `prod_${i + 1}`,
    title: `Shirt ${i + 1}`,
    status: "published",
    tags: ["summer"],
    min_price: 10 + i,
  }))
const isBulk = (r: RecordedRequest) => r.path === "/_bulk"

describe("Elasticsearch provider against a fake Elasticsearch", () => {
  const es = new FakeElasticsearch()
  beforeAll(() => es.start())
  afterAll(() => es.stop())
  beforeEach(() => es.reset())

  function provider(options: Record<string, unknown> = {}) {
    return new ElasticsearchSearchProviderService(
      { logger },
      // A generous timeout: the fake answers in the same process, which a loaded CI machine can stall for a while.
      // The specs about slowness set their own.
      { node: es.url, indexPrefix: "t_", requestTimeoutMs: 5000, bulkBackoffMs: 1, replicas: 0, ...options }
    )
  }

  it("validates its options at boot", () => {
    expect(() => ElasticsearchSearchProviderService.validateOptions({})).toThrow(
      /node is required.*\(ELASTICSEARCH_URL\)/
    )
    expect(() =>
      ElasticsearchSearchProviderService.validateOptions({
        node: "http://x:9200",
        apiKey: "k",
        username: "u",
        password: "p",
      })
    ).toThrow(/not both/)
  })

  it("creates a generation with the definition's mapping behind an alias; a rebuild swaps the alias atomically", async () => {
    const service = provider()
    await service.upsertIndex({ index: definition() })
    const [create] = es.requests.filter((r) => r.method === "PUT")
    expect(create.path).toMatch(/^\/t_product_v1__g\d+$/)
    expect(create.body).toEqual(
      buildIndexBody(
        {
          physical_name: "product_v1",
          primary_key: "id",
          fields,
          settings: definition().settings,
          definition_hash: "h1",
        },
        { language: "english", shards: 1, replicas: 0 }
      )
    )
    const first = create.path.slice(1)
    expect(es.requests.find((r) => r.path === "/_aliases")!.body).toEqual({
      actions: [{ add: { index: first, alias: "t_product_v1", is_write_index: true } }],
    })
    expect(await service.listIndexes()).toEqual([
      { name: "product_v1", provider: "elasticsearch", document_count: 0, created_at: expect.any(Date) },
    ])

    es.requests.length = 0
    await service.upsertIndex({ index: definition() })
    const second = es.requests.find((r) => r.method === "PUT")!.path.slice(1)
    expect(second).not.toBe(first)
    expect(es.calls()).toEqual(["GET /_alias/t_product_v1", `PUT /${second}`, "POST /_aliases", `DELETE /${first}`])
    expect(es.requests[2].body.actions).toEqual([
      { remove: { index: first, alias: "t_product_v1" } },
      { add: { index: second, alias: "t_product_v1", is_write_index: true } },
    ])
    expect([...es.indices.keys()]).toEqual([second])
  })

  it("refuses a definition it cannot hold before sending anything", async () => {
    await expect(
      provider().upsertIndex({
        index: definition({ settings: { typo_tolerance: { disabled_on_attributes: ["status"] } } }),
      })
    ).rejects.toThrow(/disabled_on_attributes names "status", which is not a searchable field/)
    await expect(provider().upsertIndex({ index: definition({ physical_name: "Product_v1" }) })).rejects.toThrow(
      /lowercase/
    )
    expect(es.requests).toEqual([])
  })

  it("refuses to take over an index it did not create", async () => {
    es.indices.set("t_product_v1", { settings: {}, mappings: {}, docs: new Map(), created: 0 })
    await expect(provider().upsertIndex({ index: definition() })).rejects.toThrow(
      /already has an index named "t_product_v1" that this provider did not create/
    )
  })

  it("writes documents in chunks of NDJSON index actions; waitForTask refreshes so the next search sees them", async () => {
    const service = provider({ bulkChunkSize: 2 })
    await service.upsertIndex({ index: definition() })
    es.requests.length = 0
    const task = await service.upsertDocuments({ index: "product_v1", definition: definition(), documents: docs(5) })
    expect(task).toMatchObject({ index: "product_v1", status: "enqueued" })
    const bulks = es.requests.filter(isBulk)
    expect(bulks.map((b) => b.body.length)).toEqual([4, 4, 2])
    expect(bulks[0].raw).toBe(
      [
        '{"index":{"_index":"t_product_v1","_id":"prod_1"}}',
        '{"id":"prod_1","title":"Shirt 1","status":"published","tags":["summer"],"min_price":10}',
        '{"index":{"_index":"t_product_v1","_id":"prod_2"}}',
        '{"id":"prod_2","title":"Shirt 2","status":"published","tags":["summer"],"min_price":11}',
        "",
      ].join("\n")
    )
    expect(bulks[0].headers["content-type"]).toMatch(/ndjson/)
    expect(await service.waitForTask(task)).toMatchObject({ status: "succeeded" })
    expect(es.calls().at(-1)).toMatch(/^(GET|POST) \/t_product_v1\/_refresh$/)
    expect((await service.listIndexes())[0].document_count).toBe(5)
  })

  it("retries a chunk answered 429 after a backoff, honouring Retry-After", async () => {
    const service = provider()
    await service.upsertIndex({ index: definition() })
    es.fail(isBulk, () => ({
      status: 429,
      body: { error: { type: "es_rejected_execution_exception", reason: "rejected execution" }, status: 429 },
      headers: { "retry-after": "0" },
    }))
    const task = await service.upsertDocuments({ index: "product_v1", definition: definition(), documents: docs(3) })
    expect(task.status).toBe("enqueued")
    const bulks = es.requests.filter(isBulk)
    expect(bulks).toHaveLength(2)
    expect(bulks[1].raw).toBe(bulks[0].raw)
    expect(es.indices.get(es.resolve("t_product_v1")[0])!.docs.size).toBe(3)
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/bulk write of 3 item\(s\).*429.*retry 1\/3/))
  })

  it("resends only the items a node rejected with 429, and reports documents refused for good", async () => {
    const service = provider()
    await service.upsertIndex({ index: definition() })
    es.fail(isBulk, (_req) => ({
      status: 200,
      body: {
        errors: true,
        items: [
          { index: { _id: "prod_1", status: 201 } },
          {
            index: {
              _id: "prod_2",
              status: 429,
              error: { type: "es_rejected_execution_exception", reason: "queue full" },
            },
          },
          {
            index: {
              _id: "prod_3",
              status: 400,
              error: {
                type: "document_parsing_exception",
                reason: "failed to parse field [min_price] of type [double]",
              },
            },
          },
        ],
      },
    }))
    const task = await service.upsertDocuments({ index: "product_v1", definition: definition(), documents: docs(3) })
    const retry = es.requests.filter(isBulk)[1]
    expect(retry.body).toEqual([{ index: { _index: "t_product_v1", _id: "prod_2" } }, docs(3)[1]])
    expect(task).toEqual({
      index: "product_v1",
      status: "failed",
      error: {
        message:
          "Elasticsearch rejected 1 of 3 document(s): prod_3: document_parsing_exception (failed to parse field [min_price] of type [double])",
        code: "document_parsing_exception",
      },
    })
  })

  it("gives up after bulkMaxRetries with a rate-limit error the Search Module's seeding retry recognises", async () => {
    const service = provider({ bulkMaxRetries: 2 })
    await service.upsertIndex({ index: definition() })
    es.fail(
      isBulk,
      () => ({ status: 429, body: { error: { type: "es_rejected_execution_exception" }, status: 429 } }),
      10
    )
    const error = await service
      .upsertDocuments({ index: "product_v1", definition: definition(), documents: docs(1) })
      .catch((e) => e)
    expect(es.requests.filter(isBulk)).toHaveLength(3)
    expect(error).toMatchObject({
      status: 429,
      code: "search_unavailable",
      message: expect.stringMatching(/^Search is unavailable: Elasticsearch is overloaded/),
    })
  })

  it("retries a bulk chunk that timed out or met a 502-504 (indexing by id is idempotent)", async () => {
    const service = provider({ requestTimeoutMs: 100, writeTimeoutMs: 150 })
    await service.upsertIndex({ index: definition() })
    es.delay(isBulk, 400)
    es.fail(isBulk, () => ({ status: 504, body: { error: "gateway timeout" } }))
    await expect(
      service.upsertDocuments({ index: "product_v1", definition: definition(), documents: docs(2) })
    ).resolves.toMatchObject({ status: "enqueued" })
    expect(es.requests.filter(isBulk)).toHaveLength(3)
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/did not answer within 150 ms \(POST \/_bulk\).*retry 1\/3/)
    )
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/504.*retry 2\/3/))
  })

  it("deletes by id through _bulk and by filter through a _delete_by_query task it waits for", async () => {
    const service = provider()
    await service.upsertIndex({ index: definition() })
    await service.upsertDocuments({ index: "product_v1", definition: definition(), documents: docs(3) })
    es.requests.length = 0
    const byId = await service.deleteDocuments({ index: "product_v1", filters: { id: ["prod_1", "prod_9"] } })
    expect(es.requests[0].raw).toBe(
      '{"delete":{"_index":"t_product_v1","_id":"prod_1"}}\n{"delete":{"_index":"t_product_v1","_id":"prod_9"}}\n'
    )
    expect(byId.status).toBe("enqueued")

    es.requests.length = 0
    const fresh = provider() // no cached plan: it reads the definition back from the index's _meta
    const byFilter = await fresh.deleteDocuments({
      index: "product_v1",
      filters: { status: "draft", min_price: { $lt: 5 } },
    })
    const dbq = es.requests.find((r) => r.path.endsWith("/_delete_by_query"))!
    expect(dbq.path).toBe("/t_product_v1/_delete_by_query")
    expect(dbq.query).toMatchObject({ conflicts: "proceed", wait_for_completion: "false" })
    expect(dbq.body).toEqual({
      query: { bool: { filter: [{ terms: { status: ["draft"] } }, { range: { min_price: { lt: 5 } } }] } },
    })
    await expect(fresh.waitForTask(byFilter, { timeout_ms: 5000 })).resolves.toMatchObject({ status: "succeeded" })
    expect(es.calls().slice(-2)).toEqual([
      "GET /_tasks/fake-node:1",
      expect.stringMatching(/^(GET|POST) \/t_product_v1\/_refresh$/),
    ])
    expect(es.requests.at(-2)!.query).toMatchObject({ wait_for_completion: "true", timeout: "5000ms" })
    await expect(fresh.deleteDocuments({ index: "product_v1", filters: { $and: [] } })).rejects.toThrow(
      /needs filters that select documents/
    )
  })

  it("keeps waiting for a delete-by-query task that outlives one wait (Elasticsearch answers that as timeout_exception)", async () => {
    const service = provider()
    await service.upsertIndex({ index: definition() })
    const task = await service.deleteDocuments({ index: "product_v1", filters: { status: "draft" } })
    const stillRunning = { type: "timeout_exception", reason: "Timed out waiting for completion of task" }
    es.fail(
      (r) => r.path.startsWith("/_tasks/"),
      () => ({ status: 429, body: { error: { root_cause: [stillRunning], ...stillRunning }, status: 429 } })
    )
    await expect(service.waitForTask(task, { timeout_ms: 5000 })).resolves.toMatchObject({ status: "succeeded" })
    expect(es.calls().filter((call) => call.startsWith("GET /_tasks/"))).toHaveLength(2)
  })

  it("clears an index by swapping in an empty generation with the same mapping", async () => {
    const service = provider()
    await service.upsertIndex({ index: definition() })
    await service.upsertDocuments({ index: "product_v1", definition: definition(), documents: docs(4) })
    const before = es.resolve("t_product_v1")[0]
    const mapping = es.indices.get(before)!.mappings
    await provider().clearIndex({ index: "product_v1" })
    const after = es.resolve("t_product_v1")[0]
    expect(after).not.toBe(before)
    expect(es.indices.get(after)!.mappings).toEqual(mapping)
    expect(es.indices.has(before)).toBe(false)
    expect((await service.listIndexes())[0].document_count).toBe(0)
    await expect(service.clearIndex({ index: "product_v9" })).rejects.toMatchObject({ type: "not_found" })
  })

  it("deletes an index's generations; listIndexes ignores what it does not manage", async () => {
    const service = provider()
    await service.upsertIndex({ index: definition() })
    await service.upsertIndex({ index: definition({ physical_name: "product_v2" }) })
    es.indices.set("t_other", { settings: {}, mappings: {}, docs: new Map(), created: 0 })
    es.aliases.set("t_foreign", ["t_other"])
    await service.deleteIndex({ index: "product_v1" })
    expect((await service.listIndexes()).map((i) => i.name)).toEqual(["product_v2"])
    await expect(service.deleteIndex({ index: "product_v1" })).resolves.toMatchObject({ status: "succeeded" })
  })

  it("searches through one _msearch round trip and answers in the Search Module's shape", async () => {
    const service = provider()
    await service.upsertIndex({ index: definition() })
    es.searchAnswer = (_index, body) => ({
      took: 2,
      hits: {
        total: { value: 1, relation: "eq" },
        hits: [
          {
            _id: "prod_1",
            _score: 3.2,
            _source: { id: "prod_1", title: "Shirt 1" },
            highlight: { title: ["<mark>Shirt</mark> 1"] },
          },
        ],
      },
      aggregations: body.aggs?.facet_0
        ? {
            facet_0: { buckets: [{ key: "summer", doc_count: 1 }] },
            facet_1: { count: 1, min: 10, max: 10, avg: 10, sum: 10 },
          }
        : undefined,
    })
    es.requests.length = 0
    const input: SearchTypes.ProviderSearchQuery = {
      index: definition(),
      q: "shrt",
      attributes_to_retrieve: ["id", "title"],
      filters: { status: "published" },
      pagination: { skip: 0, take: 10 },
      search_options: {
        match_strategy: "last",
        typo_tolerance: true,
        facets: [
          { field: "tags", type: "value" },
          { field: "min_price", type: "stats" },
        ],
        highlight: true,
      },
    }
    const [result, second] = await service.searchMany([
      input,
      { ...input, q: undefined, search_options: {}, pagination: { skip: 10, take: 5 } },
    ])
    expect(es.calls()).toEqual(["POST /_msearch"])
    const lines = es.requests[0].body
    expect(lines).toHaveLength(4)
    expect(lines[0]).toEqual({ index: "t_product_v1" })
    expect(lines[1]).toMatchObject({
      from: 0,
      size: 10,
      _source: { includes: ["id", "title"] },
      track_total_hits: true,
      sort: [{ _score: { order: "desc" } }, { id: { order: "asc" } }],
      aggs: {
        facet_0: { terms: { field: "tags", size: 10, order: [{ _count: "desc" }, { _key: "asc" }] } },
        facet_1: { stats: { field: "min_price" } },
      },
      highlight: {
        fields: { title: {}, "title.prefix": {} },
        pre_tags: ["<mark>"],
        post_tags: ["</mark>"],
        number_of_fragments: 0,
      },
    })
    expect(lines[1].query.bool.filter).toEqual([{ terms: { status: ["published"] } }])
    expect(JSON.stringify(lines[1].query.bool.must)).toContain('"fuzziness":"AUTO:4,6"')
    expect(lines[3]).toMatchObject({
      from: 10,
      size: 5,
      query: { bool: { filter: [{ terms: { status: ["published"] } }] } },
    })
    expect(result).toEqual({
      hits: [
        {
          id: "prod_1",
          score: undefined,
          document: { id: "prod_1", title: "Shirt 1" },
          highlights: { title: ["<mark>Shirt</mark> 1"] },
        },
      ],
      facets: {
        tags: { type: "value", values: [{ value: "summer", count: 1 }] },
        min_price: { type: "stats", min: 10, max: 10, avg: 10, sum: 10, count: 1 },
      },
      metadata: { skip: 0, take: 10, count: 1, query: "shrt", processing_time_ms: expect.any(Number) },
    })
    expect(second.metadata).toMatchObject({ skip: 10, take: 5, count: 1 })
  })

  it("a search on an index Elasticsearch does not have is NOT_FOUND, so the module re-reads the active version", async () => {
    await expect(
      provider().search({ index: definition({ physical_name: "product_v7" }), attributes_to_retrieve: ["id"] })
    ).rejects.toMatchObject({
      type: "not_found",
    })
  })

  it("a search Elasticsearch refuses is a 400-class error with its reason", async () => {
    const service = provider()
    await service.upsertIndex({ index: definition() })
    es.fail(
      (r) => r.path === "/_msearch",
      () => ({
        status: 200,
        body: {
          responses: [
            {
              status: 400,
              error: {
                root_cause: [{ type: "query_shard_exception", reason: "failed to create query" }],
                type: "search_phase_execution_exception",
              },
            },
          ],
        },
      })
    )
    await expect(service.search({ index: definition(), attributes_to_retrieve: ["id"] })).rejects.toMatchObject({
      type: "invalid_data",
      message: expect.stringContaining("query_shard_exception: failed to create query"),
    })
  })

  it("fails within the request timeout, with a clear 'search is unavailable' error, when Elasticsearch is slow", async () => {
    const service = provider({ requestTimeoutMs: 300 })
    await service.upsertIndex({ index: definition() })
    es.delay((r) => r.path === "/_msearch", 2000)
    const started = Date.now()
    const error = await service
      .search({ index: definition(), q: "shirt", attributes_to_retrieve: ["id"] })
      .catch((e) => e)
    const elapsed = Date.now() - started
    expect(error).toMatchObject({
      type: "unexpected_state",
      code: "search_unavailable",
      message: "Search is unavailable: Elasticsearch did not answer within 300 ms (POST /_msearch); try again shortly",
    })
    expect(elapsed).toBeGreaterThanOrEqual(280)
    expect(elapsed).toBeLessThan(1500)
    expect(es.requests.filter((r) => r.path === "/_msearch")).toHaveLength(1) // no retry on the read path
  })

  it("gives writes their own, longer timeout: a refresh slower than a search may be still settles", async () => {
    // The client's connection timeout caps every request, so it must be the write timeout (found by the app test).
    const service = provider({ requestTimeoutMs: 100, writeTimeoutMs: 2000 })
    await service.upsertIndex({ index: definition() })
    const task = await service.upsertDocuments({ index: "product_v1", definition: definition(), documents: docs(1) })
    es.delay((r) => r.path.endsWith("/_refresh"), 400)
    await expect(service.waitForTask(task)).resolves.toMatchObject({ status: "succeeded" })
    es.delay((r) => r.path === "/_msearch", 400)
    await expect(service.search({ index: definition(), attributes_to_retrieve: ["id"] })).rejects.toMatchObject({
      message: expect.stringContaining("did not answer within 100 ms"),
    })
  })

  it("fails fast when Elasticsearch cannot be reached", async () => {
    const port = await closedPort()
    const service = new ElasticsearchSearchProviderService(
      { logger },
      { node: `http://127.0.0.1:${port}`, requestTimeoutMs: 3000 }
    )
    const started = Date.now()
    const error = await service.search({ index: definition(), attributes_to_retrieve: ["id"] }).catch((e) => e)
    expect(Date.now() - started).toBeLessThan(1000)
    expect(error).toMatchObject({
      code: "search_unavailable",
      message: expect.stringMatching(/^Search is unavailable: Elasticsearch cannot be reached/),
    })
    await expect(service.listIndexes()).rejects.toMatchObject({ code: "search_unavailable" })
  })

  it("refused credentials are 'search is unavailable', naming the settings to check", async () => {
    es.fail(
      () => true,
      () => ({
        status: 401,
        body: { error: { type: "security_exception", reason: "unable to authenticate" }, status: 401 },
      })
    )
    await expect(provider().listIndexes()).rejects.toMatchObject({
      code: "search_unavailable",
      message: expect.stringContaining("refused the provider's credentials"),
    })
    // listIndexes sends two requests at once; let the second land before the next test starts recording.
    await until(() => es.requests.length === 2)
  })

  it("authenticates with an API key or basic auth and asks for the 8.x REST API (which 9.x servers also serve)", async () => {
    await provider({ apiKey: "a2V5OnNlY3JldA==" }).listIndexes()
    expect(es.requests[0].headers.authorization).toBe("ApiKey a2V5OnNlY3JldA==")
    expect(es.requests[0].headers.accept).toMatch(/compatible-with=8/)
    es.requests.length = 0
    await provider({ username: "elastic", password: "changeme" }).listIndexes()
    expect(es.requests[0].headers.authorization).toBe(`Basic ${Buffer.from("elastic:changeme").toString("base64")}`)
  })
})

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  expect(condition()).toBe(true)
}

async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
