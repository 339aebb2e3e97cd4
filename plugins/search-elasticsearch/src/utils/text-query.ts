import type { SearchTypes } from "@medusajs/framework/types"
import type { FieldPlan, PlannedField } from "./field-plan"

type Query = Record<string, unknown>

export interface TextQueryInput {
  q: string
  plan: FieldPlan
  /** Searchable paths to match on (`attributes_to_search_on`, or every searchable field). */
  searchOn: string[]
  matchStrategy?: SearchTypes.SearchMatchStrategy
  /** Match misspelled terms (the query asked for it and the index allows it). */
  typoTolerance: boolean
  typoSettings?: SearchTypes.SearchIndexSettings["typo_tolerance"]
}

/** Prefix matches score below full-token matches of the same field. */
const PREFIX_BOOST = 0.5

/**
 * The free-text part of a search, term by term so that words may sit in different fields ("red hoodie": colour
 * in the options, "hoodie" in the title), as with PostgreSQL's single tsvector:
 * - `all` (default): every word must match a whole token of some searched field;
 * - `any`: at least one word must;
 * - `last`: typeahead — every word but the last must match whole, the last may be a prefix (edge n-grams).
 * With typo tolerance, whole-word matches allow `AUTO:<one>,<two>` edits (the index's
 * `min_word_size_for_one_typo` / `min_word_size_for_two_typos`, default 3 and 6) except on the fields of
 * `disabled_on_attributes`, which always match exactly. Returns `match_none` for a query without any word.
 */
export function buildTextQuery(input: TextQueryInput): Query {
  const words = input.q.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word))
  if (!words.length) {
    return { match_none: {} }
  }
  const fields = input.searchOn
    .map((path) => input.plan.fields.get(path))
    .filter((f): f is PlannedField => !!f?.searchable)
  const exactOnly = new Set(input.typoSettings?.disabled_on_attributes ?? [])
  const fuzziness = `AUTO:${input.typoSettings?.min_word_size_for_one_typo ?? 3},${input.typoSettings?.min_word_size_for_two_typos ?? 6}`
  const fuzzyFields = input.typoTolerance ? fields.filter((f) => !exactOnly.has(f.path)) : []
  const exactFields = input.typoTolerance ? fields.filter((f) => exactOnly.has(f.path)) : fields

  const whole = (word: string): Query => {
    const clauses: Query[] = []
    if (fuzzyFields.length) {
      clauses.push(
        multiMatch(
          word,
          fuzzyFields.map((f) => boosted(f.textPath!, f.weight)),
          { fuzziness }
        )
      )
    }
    if (exactFields.length) {
      clauses.push(
        multiMatch(
          word,
          exactFields.map((f) => boosted(f.textPath!, f.weight))
        )
      )
    }
    return clauses.length === 1 ? clauses[0] : { bool: { should: clauses, minimum_should_match: 1 } }
  }
  const prefix = (word: string): Query =>
    multiMatch(
      word,
      fields.map((f) => boosted(f.prefixPath!, f.weight * PREFIX_BOOST))
    )

  switch (input.matchStrategy ?? "all") {
    case "any":
      return { bool: { should: words.map(whole), minimum_should_match: 1 } }
    case "last": {
      const last = words[words.length - 1]
      const lastClause = { bool: { should: [whole(last), prefix(last)], minimum_should_match: 1 } }
      return { bool: { must: [...words.slice(0, -1).map(whole), lastClause] } }
    }
    default:
      return { bool: { must: words.map(whole) } }
  }
}

function multiMatch(word: string, fields: string[], extra: Record<string, unknown> = {}): Query {
  // `operator: and`: a word the analyzer splits ("t-shirt" → t, shirt) must match all its pieces.
  return { multi_match: { query: word, fields, type: "best_fields", operator: "and", ...extra } }
}

function boosted(path: string, weight: number): string {
  return weight === 1 ? path : `${path}^${weight}`
}
