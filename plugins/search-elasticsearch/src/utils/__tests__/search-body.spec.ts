import type { SearchTypes } from "@medusajs/framework/types"
import { buildFieldPlan } from "../field-plan"
import { buildSearchBody, readSearchResult } from "../search-body"
import { productFields, productIndex } from "./fixtures"

const plan = buildFieldPlan({ fields: productFields, primary_key: "id" })

function query(overrides: Partial<SearchTypes.ProviderSearchQuery> = {}): SearchTypes.ProviderSearchQuery {
  return {
    index: productIndex(),
    attributes_to_retrieve: ["id", "title", "variants.sku"],
    pagination: { skip: 0, take: 20 },
    ...overrides,
  }
}

describe("buildSearchBody", () => {
  it("without a query: everything matching the filters, by primary key, exact count, projected source", () => {
    const { body } = buildSearchBody(query({ filters: { status: "published" } }), plan)
    expect(body).toEqual({
      query: { bool: { filter: [{ terms: { status: ["published"] } }] } },
      from: 0,
      size: 20,
      sort: [{ id: { order: "asc" } }],
      _source: { includes: ["id", "title", "variants.sku"] },
      track_total_hits: true,
    })
  })

  it("with a query: relevance then primary key; typo tolerance only when asked and allowed by the index", () => {
    const { body } = buildSearchBody(query({ q: " hoodie ", search_options: { typo_tolerance: true } }), plan)
    expect(body.sort).toEqual([{ _score: { order: "desc" } }, { id: { order: "asc" } }])
    expect(JSON.stringify(body.query)).toContain('"fuzziness":"AUTO:3,6"')
    const off = buildSearchBody(
      query({
        q: "hoodie",
        index: productIndex({ settings: { typo_tolerance: { enabled: false } } }),
        search_options: { typo_tolerance: true },
      }),
      plan
    )
    expect(JSON.stringify(off.body.query)).not.toContain("fuzziness")
    expect(match_none(buildSearchBody(query({ q: "   " }), plan).body)).toBe(false)
  })

  it("sorts on exact sub-fields with missing values last, then by primary key", () => {
    const { body } = buildSearchBody(
      query({ pagination: { skip: 40, take: 10, order: { title: "ASC", min_price: "DESC", _score: "DESC" } } }),
      plan
    )
    expect(body.sort).toEqual([
      { "title.raw": { order: "asc", missing: "_last" } },
      { min_price: { order: "desc", missing: "_last" } },
      { _score: { order: "desc" } },
      { id: { order: "asc" } },
    ])
    expect(body).toMatchObject({ from: 40, size: 10 })
    expect(() => buildSearchBody(query({ pagination: { order: { tags: "ASC" } } }), plan)).toThrow(
      /cannot sort by "tags"/
    )
  })

  it("count none, include_score, min_score, distinct (collapse + distinct count)", () => {
    const { body, distinct } = buildSearchBody(
      query({ search_options: { count: "none", include_score: true, min_score: 0.5, distinct: "handle" } }),
      plan
    )
    expect(body).toMatchObject({
      track_total_hits: false,
      track_scores: true,
      min_score: 0.5,
      collapse: { field: "handle" },
    })
    expect(body.aggs).toBeUndefined()
    const counted = buildSearchBody(
      query({ index: productIndex({ settings: { distinct_attribute: "handle" } }) }),
      plan
    )
    expect(counted.body.aggs).toEqual({
      distinct_count: { cardinality: { field: "handle", precision_threshold: 40000 } },
    })
    expect(counted.distinct).toBe("distinct_count")
    expect(distinct).toBeUndefined()
  })

  it("highlights searched fields only when there is a query", () => {
    const { body } = buildSearchBody(
      query({
        q: "hood",
        search_options: { highlight: { fields: ["title"], pre_tag: "<b>", post_tag: "</b>", snippet: { length: 40 } } },
      }),
      plan
    )
    expect(body.highlight).toEqual({
      pre_tags: ["<b>"],
      post_tags: ["</b>"],
      fragment_size: 40,
      number_of_fragments: 3,
      fields: { title: {}, "title.prefix": {} },
    })
    const whole = buildSearchBody(
      query({ q: "hood", search_options: { highlight: true, attributes_to_search_on: ["handle"] } }),
      plan
    )
    expect(whole.body.highlight).toEqual({
      pre_tags: ["<mark>"],
      post_tags: ["</mark>"],
      number_of_fragments: 0,
      fields: { "handle.text": {}, "handle.prefix": {} },
    })
    expect(buildSearchBody(query({ search_options: { highlight: true } }), plan).body.highlight).toBeUndefined()
    expect(() =>
      buildSearchBody(query({ q: "x", search_options: { highlight: { fields: ["status"] } } }), plan)
    ).toThrow(/not searchable/)
  })

  it("refuses what it cannot answer exactly", () => {
    expect(() => buildSearchBody(query({ search_options: { vector: { value: [1, 2, 3] } } }), plan)).toThrow(/vector/)
    expect(() => buildSearchBody(query({ search_options: { locales: ["en"] } }), plan)).toThrow(/locales/)
    expect(() => buildSearchBody(query({ pagination: { cursor: "abc" } }), plan)).toThrow(/cursor/)
    expect(() => buildSearchBody(query({ pagination: { skip: 9990, take: 20 } }), plan)).toThrow(
      expect.objectContaining({ type: "invalid_data" })
    )
    expect(() =>
      buildSearchBody(query({ q: "x", search_options: { attributes_to_search_on: ["status"] } }), plan)
    ).toThrow(/"status" is not searchable/)
  })
})

function match_none(body: Record<string, any>): boolean {
  return JSON.stringify(body.query).includes("match_none")
}

describe("readSearchResult", () => {
  const response = {
    took: 3,
    hits: {
      total: { value: 42, relation: "eq" },
      hits: [
        {
          _id: "prod_1",
          _score: 2.5,
          _source: { id: "prod_1", title: "Hoodie", variants: [{ sku: "H-1", title: "S" }], extra: 1 },
          highlight: { "title.prefix": ["<mark>Hoo</mark>die"] },
        },
      ],
    },
    aggregations: { facet_0: { buckets: [{ key: "summer", doc_count: 1 }] } },
  }

  it("has the PostgreSQL provider's shape: id, score only when asked, projected document, facets, metadata", () => {
    const input = query({ q: "hoo", search_options: { facets: ["tags"] } })
    const result = readSearchResult(response, input, buildSearchBody(input, plan), plan, 7)
    expect(result).toEqual({
      hits: [
        { id: "prod_1", score: undefined, document: { id: "prod_1", title: "Hoodie", variants: [{ sku: "H-1" }] } },
      ],
      facets: { tags: { type: "value", values: [{ value: "summer", count: 1 }] } },
      metadata: { skip: 0, take: 20, count: 42, query: "hoo", processing_time_ms: 7 },
    })
    expect(JSON.parse(JSON.stringify(result)).hits[0]).toEqual({ id: "prod_1", document: expect.any(Object) })
  })

  it("adds highlights keyed by definition path when asked; count null for count none, distinct values under distinct", () => {
    const input = query({ q: "hoo", search_options: { highlight: true, include_score: true, count: "none" } })
    const result = readSearchResult(response, input, buildSearchBody(input, plan), plan, 1)
    expect(result.hits[0]).toMatchObject({ score: 2.5, highlights: { title: ["<mark>Hoo</mark>die"] } })
    expect(result.metadata.count).toBeNull()
    expect(result.facets).toBeUndefined()
    const distinct = query({ search_options: { distinct: "handle" } })
    expect(
      readSearchResult(
        { ...response, aggregations: { distinct_count: { value: 9 } } },
        distinct,
        buildSearchBody(distinct, plan),
        plan,
        1
      ).metadata.count
    ).toBe(9)
  })
})
