import { matchesFilters, matchesText } from "../match-filters"

const shirt = { id: "p1", title: "Organic Cotton Tee", status: "published", collection: "basics" }

describe("matchesText", () => {
  it("needs every word somewhere in the document's text, in any case", () => {
    expect(matchesText(shirt, "cotton TEE")).toBe(true)
    expect(matchesText(shirt, "cotton hoodie")).toBe(false)
    expect(matchesText(shirt, "  ")).toBe(true)
  })
})

describe("matchesFilters", () => {
  it("supports equality, $in, $ne, $nin, $and and $or", () => {
    expect(matchesFilters(shirt, { status: "published" })).toBe(true)
    expect(matchesFilters(shirt, { status: { $in: ["draft", "published"] } })).toBe(true)
    expect(matchesFilters(shirt, { status: { $ne: "published" } })).toBe(false)
    expect(matchesFilters(shirt, { collection: { $nin: ["sale"] } })).toBe(true)
    expect(matchesFilters(shirt, { $or: [{ status: "draft" }, { collection: "basics" }] })).toBe(true)
    expect(matchesFilters(shirt, { $and: [{ status: "draft" }, { collection: "basics" }] })).toBe(false)
  })

  it("refuses an operator it cannot evaluate instead of guessing", () => {
    expect(() => matchesFilters(shirt, { title: { $like: "%Tee" } })).toThrow(/does not support the \$like filter/)
  })
})
