import { expandSynonyms, normalizeTerms, synonymGroupProblem } from "../synonyms"
import { normalizeText } from "../normalize"

describe("synonyms", () => {
  const groups = [
    ["tee", "t-shirt"],
    ["sneakers", "trainers"],
    ["sneakers", "kicks"],
  ]

  it("searches every term of the groups when the query is one term", () => {
    expect(expandSynonyms("  TEE ", groups)).toEqual({ anyOf: ["tee", "t-shirt"], alternatives: [] })
    expect(expandSynonyms("sneakers", groups)).toEqual({ anyOf: ["sneakers", "trainers", "kicks"], alternatives: [] })
  })

  it("offers the query with a term swapped when it has other words, whole words only", () => {
    expect(expandSynonyms("black tee", groups)).toEqual({ alternatives: ["black t-shirt"] })
    expect(expandSynonyms("teen shirt", groups)).toEqual({ alternatives: [] })
    expect(expandSynonyms("hoodie", groups)).toEqual({ alternatives: [] })
  })

  it("checks groups from the admin", () => {
    expect(synonymGroupProblem(["tee"])).toMatch(/at least two/)
    expect(synonymGroupProblem(["Tee", " tee "])).toMatch(/at least two/)
    expect(synonymGroupProblem("tee,t-shirt")).toMatch(/array of strings/)
    expect(synonymGroupProblem(["a", "b".repeat(65)])).toMatch(/longer than 64/)
    expect(synonymGroupProblem(["tee", "T-Shirt"])).toBeUndefined()
    expect(normalizeTerms(["Tee", "T-Shirt", "tee"])).toEqual(["tee", "t-shirt"])
  })

  it("normalises text for matching and insights", () => {
    expect(normalizeText("  Black\tTEE\n ")).toBe("black tee")
    expect(normalizeText("ＴＥＥ")).toBe("tee")
  })
})
