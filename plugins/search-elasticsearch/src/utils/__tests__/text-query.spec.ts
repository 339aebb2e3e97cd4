import { buildFieldPlan } from "../field-plan"
import { buildTextQuery } from "../text-query"
import { productFields } from "./fixtures"

const plan = buildFieldPlan({ fields: productFields, primary_key: "id" })
const searchOn = ["title", "handle"]
const whole = (query: string, extra: Record<string, unknown> = {}, fields = ["title^3", "handle.text"]) => ({
  multi_match: { query, fields, type: "best_fields", operator: "and", ...extra },
})
const prefix = (query: string) => ({
  multi_match: { query, fields: ["title.prefix^1.5", "handle.prefix^0.5"], type: "best_fields", operator: "and" },
})

describe("buildTextQuery", () => {
  it("all (default): every word must match a whole token, each in any searched field", () => {
    expect(buildTextQuery({ q: "red  hoodie", plan, searchOn, typoTolerance: false })).toEqual({
      bool: { must: [whole("red"), whole("hoodie")] },
    })
  })

  it("any: one word is enough", () => {
    expect(buildTextQuery({ q: "red hoodie", plan, searchOn, matchStrategy: "any", typoTolerance: false })).toEqual({
      bool: { should: [whole("red"), whole("hoodie")], minimum_should_match: 1 },
    })
  })

  it("last: the last word may be a prefix (edge n-grams), the others must be whole", () => {
    expect(buildTextQuery({ q: "red hoo", plan, searchOn, matchStrategy: "last", typoTolerance: false })).toEqual({
      bool: { must: [whole("red"), { bool: { should: [whole("hoo"), prefix("hoo")], minimum_should_match: 1 } }] },
    })
  })

  it("typo tolerance: AUTO fuzziness from the index settings, never on disabled_on_attributes", () => {
    const query = buildTextQuery({
      q: "tshrit",
      plan,
      searchOn,
      typoTolerance: true,
      typoSettings: {
        min_word_size_for_one_typo: 4,
        min_word_size_for_two_typos: 8,
        disabled_on_attributes: ["handle"],
      },
    })
    expect(query).toEqual({
      bool: {
        must: [
          {
            bool: {
              should: [whole("tshrit", { fuzziness: "AUTO:4,8" }, ["title^3"]), whole("tshrit", {}, ["handle.text"])],
              minimum_should_match: 1,
            },
          },
        ],
      },
    })
    expect(JSON.stringify(buildTextQuery({ q: "tshrit", plan, searchOn, typoTolerance: true }))).toContain(
      '"fuzziness":"AUTO:3,6"'
    )
    expect(JSON.stringify(buildTextQuery({ q: "tshrit", plan, searchOn, typoTolerance: false }))).not.toContain(
      "fuzziness"
    )
  })

  it("a query without a word matches nothing (as PostgreSQL's empty tsquery)", () => {
    expect(buildTextQuery({ q: "- / !", plan, searchOn, typoTolerance: false })).toEqual({ match_none: {} })
  })
})
