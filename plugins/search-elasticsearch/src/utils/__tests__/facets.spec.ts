import { buildFieldPlan } from "../field-plan"
import { buildAggregations, escapeRegex, normalizeFacets, readFacets } from "../facets"
import { productFields } from "./fixtures"

const plan = buildFieldPlan({ fields: productFields, primary_key: "id" })

describe("facets", () => {
  const facets = normalizeFacets(
    [
      "tags",
      { field: "in_stock", sort: "alpha", limit: 2 },
      { field: "min_price", type: "range", ranges: [{ to: 20 }, { key: "mid", from: "20", to: 50 }, { from: 50 }] },
      { field: "min_price", type: "stats" },
      { field: "tags", query: "sum.mer" },
    ],
    plan
  )

  it("value facets become terms aggregations on the exact field; ranges and stats their own aggregations", () => {
    expect(buildAggregations(facets, plan)).toEqual({
      facet_0: { terms: { field: "tags", size: 10, order: [{ _count: "desc" }, { _key: "asc" }] } },
      facet_1: { terms: { field: "in_stock", size: 2, order: [{ _key: "asc" }] } },
      facet_2: {
        range: {
          field: "min_price",
          keyed: false,
          ranges: [
            { key: "*-20", to: 20 },
            { key: "mid", from: 20, to: 50 },
            { key: "50-*", from: 50 },
          ],
        },
      },
      facet_3: { stats: { field: "min_price" } },
      facet_4: {
        terms: { field: "tags", size: 10, order: [{ _count: "desc" }, { _key: "asc" }], include: "sum\\.mer.*" },
      },
    })
    expect(buildAggregations([], plan)).toBeUndefined()
  })

  it("reads the answer into the PostgreSQL provider's facet shapes", () => {
    const result = readFacets(
      facets.slice(0, 4),
      {
        facet_0: { buckets: [{ key: "summer", doc_count: 3 }] },
        facet_1: {
          buckets: [
            { key: 0, key_as_string: "false", doc_count: 1 },
            { key: 1, key_as_string: "true", doc_count: 4 },
          ],
        },
        facet_2: {
          buckets: [
            { key: "*-20", to: 20, doc_count: 2 },
            { key: "mid", from: 20, to: 50, doc_count: 5 },
            { key: "50-*", from: 50, doc_count: 0 },
          ],
        },
        facet_3: { count: 7, min: 5, max: 80, avg: 30, sum: 210 },
      },
      plan
    )
    expect(result).toEqual({
      tags: { type: "value", values: [{ value: "summer", count: 3 }] },
      in_stock: {
        type: "value",
        values: [
          { value: "false", count: 1 },
          { value: "true", count: 4 },
        ],
      },
      min_price: { type: "stats", min: 5, max: 80, avg: 30, sum: 210, count: 7 },
    })
    const ranges = readFacets([facets[2]], { facet_0: { buckets: [{ key: "mid", doc_count: 5 }] } }, plan)
    expect(ranges!.min_price).toEqual({
      type: "range",
      ranges: [
        { key: "*-20", from: undefined, to: 20, count: 0 },
        { key: "mid", from: 20, to: 50, count: 5 },
        { key: "50-*", from: 50, to: undefined, count: 0 },
      ],
    })
  })

  it("stats over no document: zeros, no average or sum", () => {
    expect(
      readFacets([facets[3]], { facet_0: { count: 0, min: null, max: null, avg: null, sum: 0 } }, plan)!.min_price
    ).toEqual({
      type: "stats",
      min: 0,
      max: 0,
      avg: undefined,
      sum: undefined,
      count: 0,
    })
  })

  it("refuses what the field cannot facet", () => {
    expect(() => normalizeFacets(["status"], plan)).toThrow(/"status" is not facetable/)
    expect(() => normalizeFacets([{ field: "tags", type: "stats" }], plan)).toThrow(/require a numeric or date field/)
    expect(() => normalizeFacets([{ field: "min_price", type: "range", ranges: [{ from: "cheap" }] }], plan)).toThrow(
      /is not a number/
    )
  })

  it("escapes Lucene regular-expression characters in a facet query", () => {
    expect(escapeRegex('a.b*c"d#e@f<g')).toBe('a\\.b\\*c\\"d\\#e\\@f\\<g')
  })
})
