import { buildFieldPlan } from "../field-plan"
import { castValue, compileFilters, likeToWildcard } from "../filters"
import { productFields } from "./fixtures"

const plan = buildFieldPlan({ fields: productFields, primary_key: "id" })
const compile = (filters: Record<string, unknown>) => compileFilters(filters as any, plan)
const notExists = (field: string) => ({ bool: { must_not: [{ exists: { field } }] } })

describe("compileFilters", () => {
  it("a bare value or list means equals any; text fields filter on their keyword sub-field", () => {
    expect(compile({ status: "published" })).toEqual({ terms: { status: ["published"] } })
    expect(compile({ tags: ["a", "b"] })).toEqual({ terms: { tags: ["a", "b"] } })
    expect(compile({ title: { $eq: "Hoodie" } })).toEqual({ term: { "title.raw": "Hoodie" } })
  })

  it("ANDs fields and compiles $and, $or, $not", () => {
    expect(compile({ status: "published", $or: [{ tags: "x" }, { $not: { in_stock: true } }] })).toEqual({
      bool: {
        filter: [
          { terms: { status: ["published"] } },
          {
            bool: {
              should: [{ terms: { tags: ["x"] } }, { bool: { must_not: [{ terms: { in_stock: [true] } }] } }],
              minimum_should_match: 1,
            },
          },
        ],
      },
    })
  })

  it("null means absent; $ne and $nin also match documents without the field", () => {
    expect(compile({ handle: null })).toEqual(notExists("handle"))
    expect(compile({ handle: { $ne: "a" } })).toEqual({ bool: { must_not: [{ term: { handle: "a" } }] } })
    expect(compile({ handle: { $ne: null } })).toEqual({ exists: { field: "handle" } })
    expect(compile({ tags: { $nin: ["a"] } })).toEqual({ bool: { must_not: [{ terms: { tags: ["a"] } }] } })
    expect(compile({ tags: ["a", null] })).toEqual({
      bool: { should: [{ terms: { tags: ["a"] } }, notExists("tags")], minimum_should_match: 1 },
    })
    expect(compile({ tags: { $in: [] } })).toEqual({ match_none: {} })
  })

  it("ranges cast to the field's type; several operators on one field are ANDed", () => {
    expect(compile({ min_price: { $gte: "10", $lt: 20 } })).toEqual({
      bool: { filter: [{ range: { min_price: { gte: 10 } } }, { range: { min_price: { lt: 20 } } }] },
    })
    expect(compile({ created_at: { $gt: "2024-01-01T00:00:00.000Z" } })).toEqual({
      range: { created_at: { gt: Date.parse("2024-01-01T00:00:00.000Z") } },
    })
  })

  it("$contains needs every value, $overlaps any; both only on arrays", () => {
    expect(compile({ tags: { $contains: ["a", "b"] } })).toEqual({
      bool: { filter: [{ term: { tags: "a" } }, { term: { tags: "b" } }] },
    })
    expect(compile({ "variants.sku": { $overlaps: ["S1"] } })).toEqual({ terms: { "variants.sku": ["S1"] } })
    expect(() => compile({ status: { $contains: "x" } })).toThrow(/needs an array field/)
  })

  it("$prefix and $like on exact values; refused on arrays, as with PostgreSQL", () => {
    expect(compile({ title: { $prefix: "Hoo" } })).toEqual({ prefix: { "title.raw": { value: "Hoo" } } })
    expect(compile({ handle: { $like: "t%shirt_1" } })).toEqual({ wildcard: { handle: { value: "t*shirt?1" } } })
    expect(() => compile({ tags: { $prefix: "a" } })).toThrow(/not supported on array field "tags"/)
    expect(() => compile({ tags: { $gt: "a" } })).toThrow(/not supported on array field/)
  })

  it("refuses unknown fields and operators, and values of the wrong type, with 400-class errors", () => {
    expect(() => compile({ colour: "red" })).toThrow(
      expect.objectContaining({ type: "not_allowed", message: expect.stringMatching(/Unknown filter field "colour"/) })
    )
    expect(() => compile({ status: { $regex: "x" } })).toThrow(/does not support operator "\$regex"/)
    expect(() => compile({ min_price: { $gte: "cheap" } })).toThrow(expect.objectContaining({ type: "invalid_data" }))
    expect(() => compile({ in_stock: "yes" })).toThrow(/not a valid boolean/)
  })

  it("returns undefined when nothing filters", () => {
    expect(compile({})).toBeUndefined()
    expect(compile({ $and: [] })).toBeUndefined()
    expect(compileFilters(undefined, plan)).toBeUndefined()
  })
})

describe("likeToWildcard / castValue", () => {
  it("escapes the wildcard characters of the pattern itself", () => {
    expect(likeToWildcard("50*off?\\")).toBe("50\\*off\\?\\\\")
  })

  it("reads dates as epoch milliseconds from Date, number or ISO string", () => {
    const field = plan.fields.get("created_at")!
    expect(castValue(field, new Date(1000))).toBe(1000)
    expect(castValue(field, "1700000000000")).toBe(1700000000000)
    expect(castValue(field, "2024-01-01")).toBe(Date.parse("2024-01-01"))
  })
})
