import { filterablePaths, prepareStoreQuery, SearchInputError } from "../store-query"

const ctx = {
  filterable: new Set([
    "category_ids",
    "tags",
    "options",
    "status",
    "sales_channel_ids",
    "in_stock_sales_channel_ids",
    "prices.eur",
    "prices.usd",
  ]),
  currencies: ["eur", "usd"],
  salesChannelIds: ["sc_1"],
}
const problem = (body: unknown) => {
  try {
    prepareStoreQuery(body, ctx)
  } catch (error) {
    expect(error).toBeInstanceOf(SearchInputError)
    return (error as Error).message
  }
  throw new Error("expected a problem")
}

describe("store search query checks", () => {
  it("refuses an index other than product", () => {
    expect(problem({ entity: "customer" })).toMatch(/Unknown search index "customer"; the store can search: product/)
    expect(problem({})).toMatch(/Unknown search index null/)
  })

  it("refuses unknown filter fields, also nested, naming what can be filtered", () => {
    expect(problem({ entity: "product", filters: { colour: "red" } })).toMatch(
      /Unknown filter field "colour".*category_ids.*in_stock/
    )
    expect(problem({ entity: "product", filters: { $or: [{ tags: "a" }, { secret: 1 }] } })).toMatch(/"secret"/)
  })

  it("refuses malformed price ranges", () => {
    expect(problem({ entity: "product", filters: { "prices.eur": 10 } })).toMatch(/Malformed price range/)
    expect(problem({ entity: "product", filters: { "prices.eur": { $gte: "ten" } } })).toMatch(
      /\$gte must be a non-negative number/
    )
    expect(problem({ entity: "product", filters: { "prices.eur": { $gte: 50, $lte: 10 } } })).toMatch(
      /lower bound 50 is above the upper bound 10/
    )
    expect(problem({ entity: "product", filters: { "prices.eur": { $between: [1, 2] } } })).toMatch(
      /unsupported \$between/
    )
    expect(problem({ entity: "product", filters: { "prices.gbp": { $gte: 1 } } })).toMatch(
      /Unknown price currency "gbp"/
    )
  })

  it("refuses long queries and big pages", () => {
    expect(problem({ entity: "product", filters: { q: "x".repeat(257) } })).toMatch(/longer than 256/)
    expect(problem({ entity: "product", pagination: { take: 101 } })).toMatch(/from 0 to 100/)
    expect(problem({ entity: "product", filters: { q: 5 } })).toMatch(/filters.q must be a string/)
  })

  it("turns in_stock into the request channel's stock filter and defaults to prefix matching", () => {
    const { query, q, autoTypo } = prepareStoreQuery(
      { entity: "product", filters: { q: " hood ", in_stock: true, "prices.eur": { $gte: 10, $lte: 50 } } },
      ctx
    )
    expect(q).toBe("hood")
    expect(autoTypo).toBe(true)
    expect(query.filters).toEqual({
      q: " hood ",
      "prices.eur": { $gte: 10, $lte: 50 },
      $and: [{ in_stock_sales_channel_ids: { $overlaps: ["sc_1"] } }],
    })
    expect(query.search_options).toEqual({ match_strategy: "last" })
    const out = prepareStoreQuery({ entity: "product", filters: { in_stock: false } }, ctx)
    expect(out.query.filters.$and).toEqual([{ $not: { in_stock_sales_channel_ids: { $overlaps: ["sc_1"] } } }])
    expect(problem({ entity: "product", filters: { in_stock: "yes" } })).toMatch(/true or false/)
  })

  it("keeps the client's own matching choices", () => {
    const { query, autoTypo } = prepareStoreQuery(
      { entity: "product", filters: { q: "tee" }, search_options: { match_strategy: "all", typo_tolerance: false } },
      ctx
    )
    expect(autoTypo).toBe(false)
    expect(query.search_options).toEqual({ match_strategy: "all", typo_tolerance: false })
  })

  it("breaks ties by id so pages never repeat a product", () => {
    const { query } = prepareStoreQuery(
      { entity: "product", pagination: { take: 10, order: { "prices.eur": "ASC" } } },
      ctx
    )
    expect(query.pagination).toEqual({ take: 10, order: { "prices.eur": "ASC", id: "ASC" } })
    const plain = prepareStoreQuery({ entity: "product", pagination: { take: 10 } }, ctx)
    expect(plain.query.pagination).toEqual({ take: 10 })
  })

  it("lists filterable paths of nested fields", () => {
    expect(
      filterablePaths({
        id: { type: "keyword", filterable: true },
        title: { type: "text" },
        prices: { type: "object", fields: { eur: { type: "float", filterable: true } } },
      })
    ).toEqual(["id", "prices.eur"])
  })
})
