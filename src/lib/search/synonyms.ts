import { normalizeText } from "./normalize"

/** How a query changes when synonym groups apply to it (see src/search/README.md). */
export interface SynonymExpansion {
  /** The query is one synonym term: search for every term of its groups at once (match_strategy "any"). */
  anyOf?: string[]
  /** The query contains synonym terms among other words: the same query with each term swapped for a synonym. */
  alternatives: string[]
}

const MAX_ALTERNATIVES = 6

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
}

/** Every term of every group that contains `term`, `term` first. */
function synonymsOf(term: string, groups: string[][]): string[] {
  const terms = [term]
  for (const group of groups) {
    if (group.includes(term)) {
      terms.push(...group.filter((other) => other !== term))
    }
  }
  return [...new Set(terms)]
}

export function expandSynonyms(query: string, groups: string[][]): SynonymExpansion {
  const normalized = normalizeText(query)
  const cleanGroups = groups.map((group) => group.map(normalizeText).filter(Boolean))
  if (!normalized) {
    return { alternatives: [] }
  }
  const whole = synonymsOf(normalized, cleanGroups)
  if (whole.length > 1) {
    return { anyOf: whole, alternatives: [] }
  }
  const alternatives: string[] = []
  const terms = [...new Set(cleanGroups.flat())].sort((a, b) => b.length - a.length)
  for (const term of terms) {
    const pattern = new RegExp(`(^|\\s)${escapeRegExp(term)}(?=\\s|$)`)
    if (!pattern.test(normalized)) {
      continue
    }
    for (const synonym of synonymsOf(term, cleanGroups).slice(1)) {
      alternatives.push(normalized.replace(pattern, (_match, lead: string) => `${lead}${synonym}`))
    }
  }
  return { alternatives: [...new Set(alternatives)].filter((alt) => alt !== normalized).slice(0, MAX_ALTERNATIVES) }
}

/** Checks and normalises a synonym group from the admin: 2–20 distinct terms of 1–64 characters. */
export function synonymGroupProblem(terms: unknown): string | undefined {
  if (!Array.isArray(terms) || terms.some((term) => typeof term !== "string")) {
    return "terms must be an array of strings"
  }
  const normalized = [...new Set(terms.map((term) => normalizeText(term as string)).filter(Boolean))]
  if (normalized.length < 2) {
    return "a synonym group needs at least two different terms"
  }
  if (normalized.length > 20) {
    return "a synonym group holds at most 20 terms"
  }
  const long = normalized.find((term) => term.length > 64)
  if (long) {
    return `the term "${long.slice(0, 20)}…" is longer than 64 characters`
  }
  return undefined
}

export function normalizeTerms(terms: string[]): string[] {
  return [...new Set(terms.map(normalizeText).filter(Boolean))]
}
