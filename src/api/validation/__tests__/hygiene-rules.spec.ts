import {
  ADMIN_LIMITS,
  bodyProblem,
  isIsoDate,
  malformedEncoding,
  orderProblem,
  paginationProblem,
  queryProblem,
  STORE_LIMITS,
  stringProblem,
} from "../hygiene-rules"
import { countryCodeProblem } from "../address-country"
import { isEmail } from "../registration-email"

describe("edge hygiene rules", () => {
  it("refuses NUL bytes, control characters, lone surrogates and over-long strings, naming the parameter", () => {
    expect(stringProblem("a\u0000b", "q", 100)).toMatch(/^q .*NUL/)
    expect(stringProblem("a\u0007b", "q", 100)).toMatch(/control/)
    expect(stringProblem("a\uD800b", "handle", 100)).toMatch(/^handle .*surrogate/)
    expect(stringProblem("a\uDC00", "handle", 100)).toMatch(/surrogate/)
    expect(stringProblem("x".repeat(101), "q", 100)).toMatch(/too long \(101/)
    expect(stringProblem("tab\tnew\nline 😀 ñ", "q", 100)).toBeUndefined()
  })

  it("accepts real ISO dates only", () => {
    for (const good of ["2024-02-29", "2020-01-31T23:59:59Z", "2020-01-31T10:00:00.123+02:00", "2020-01-31 10:00"]) {
      expect(isIsoDate(good)).toBe(true)
    }
    for (const bad of ["notadate", "2020-13-45", "2023-02-29", "1", "2020-01-01T25:00:00Z", "2020-1-1"]) {
      expect(isIsoDate(bad)).toBe(false)
    }
  })

  it("bounds limit and offset and reports a too-large limit separately", () => {
    expect(paginationProblem({ limit: "-1" }, 100).problem).toMatch(/^limit/)
    expect(paginationProblem({ limit: "0" }, 100).problem).toMatch(/between 1 and 100/)
    expect(paginationProblem({ offset: "-5" }, 100).problem).toMatch(/^offset/)
    expect(paginationProblem({ limit: "1.5" }, 100).problem).toMatch(/whole number/)
    expect(paginationProblem({ limit: ["1", "2"] }, 100).problem).toMatch(/limit/)
    expect(paginationProblem({ limit: "99999999999999999999" }, 100).problem).toMatch(/too large/)
    expect(paginationProblem({ limit: "10000" }, 100)).toEqual({
      limitTooLarge: true,
      problem: expect.stringMatching(/limit/),
    })
    expect(paginationProblem({ limit: "100", offset: "0" }, 100)).toEqual({})
  })

  it("checks filter operators and date filters in nested query objects", () => {
    expect(queryProblem({ created_at: { $gt: "notadate" } }, "", STORE_LIMITS)).toMatch(
      /created_at\[\$gt\] must be an ISO 8601 date/
    )
    expect(queryProblem({ updated_at: "2020-13-45" }, "", STORE_LIMITS)).toMatch(/updated_at must be/)
    expect(queryProblem({ q: { $where: "1" } }, "", STORE_LIMITS)).toMatch(/unknown filter operator \$where/)
    expect(queryProblem({ handle: ["ok", "bad\u0000"] }, "", STORE_LIMITS)).toMatch(/handle\[1\] must not contain NUL/)
    expect(
      queryProblem({ created_at: { $gte: "2024-01-01" }, q: "shirt", fields: "*variants" }, "", STORE_LIMITS)
    ).toBeUndefined()
  })

  it("bounds body depth, metadata depth and metadata keys", () => {
    let deep: any = "leaf"
    for (let i = 0; i < 2000; i++) deep = { a: deep }
    expect(bodyProblem({ metadata: deep }, STORE_LIMITS)).toMatch(/nested too deeply/)
    expect(bodyProblem({ metadata: { a: { b: { c: { d: { e: 1 } } } } } }, STORE_LIMITS)).toMatch(
      /metadata is nested too deeply/
    )
    const wide = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i]))
    expect(bodyProblem({ metadata: wide }, STORE_LIMITS)).toMatch(/too many keys/)
    expect(
      bodyProblem({ items: [{ variant_id: "v", quantity: 1, metadata: { gift: true, note: "hi" } }] }, STORE_LIMITS)
    ).toBeUndefined()
    expect(bodyProblem({ description: "x".repeat(100_000) }, ADMIN_LIMITS)).toBeUndefined()
    expect(bodyProblem({ first_name: "x".repeat(5_001) }, STORE_LIMITS)).toMatch(/body.first_name is too long/)
  })

  it("detects malformed percent-encoding", () => {
    expect(malformedEncoding("%E0%A4%A")).toBe(true)
    expect(malformedEncoding("%zz")).toBe(true)
    expect(malformedEncoding("caf%C3%A9+con+leche")).toBe(false)
  })

  it("accepts ISO 3166-1 alpha-2 codes of the region only, and plain emails", () => {
    expect(countryCodeProblem("zz", "shipping_address.country_code")).toMatch(
      /^shipping_address.country_code must be an ISO/
    )
    expect(countryCodeProblem("<script>", "c")).toMatch(/ISO/)
    expect(countryCodeProblem("es", "c", new Set(["es", "de"]))).toBeUndefined()
    expect(countryCodeProblem("US", "c", new Set(["es", "de"]))).toMatch(/not a country of the cart's region/)
    expect(isEmail("ana@example.com")).toBe(true)
    for (const bad of [
      "ana",
      "ana@",
      "@example.com",
      "ana@example",
      "a b@example.com",
      `${"a".repeat(250)}@example.com`,
    ]) {
      expect(isEmail(bad)).toBe(false)
    }
  })
})

describe("order parameter", () => {
  it("accepts field paths only", () => {
    expect(orderProblem({ order: "-created_at" })).toBeUndefined()
    expect(orderProblem({ order: "variants.title" })).toBeUndefined()
    expect(orderProblem({ order: "<script>" })).toMatch(/^order must be a field name/)
    expect(orderProblem({ order: ["a", "b"] })).toMatch(/^order/)
  })
})
