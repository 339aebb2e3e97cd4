import { MedusaError } from "@medusajs/framework/utils"
import type { SearchTypes } from "@medusajs/framework/types"

type Document = Record<string, unknown>

/** True when every word of `q` occurs (case-insensitively) in one of the document's text values. */
export function matchesText(document: Document, q: string | undefined): boolean {
  const words = (q ?? "").toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) {
    return true
  }
  const text = Object.values(document)
    .filter((value) => typeof value === "string")
    .join(" ")
    .toLowerCase()
  return words.every((word) => text.includes(word))
}

/**
 * Evaluates the filters this engine supports: equality, `$eq`, `$ne`, `$in`, `$nin`, `$and`, `$or`. Any other
 * operator is refused rather than approximated: the Search Module's callers cannot tell a near-miss from a result.
 */
export function matchesFilters(document: Document, filters: SearchTypes.SearchFilters | undefined): boolean {
  for (const [field, condition] of Object.entries(filters ?? {})) {
    if (condition === undefined || field === "q") {
      continue
    }
    if (field === "$and" || field === "$or") {
      const parts = condition as SearchTypes.SearchFilters[]
      const results = parts.map((part) => matchesFilters(document, part))
      if (field === "$and" ? !results.every(Boolean) : !results.some(Boolean)) {
        return false
      }
      continue
    }
    if (!matchesCondition(document[field], condition, field)) {
      return false
    }
  }
  return true
}

function matchesCondition(value: unknown, condition: unknown, field: string): boolean {
  if (condition === null || typeof condition !== "object" || condition instanceof Date) {
    return value === condition
  }
  if (Array.isArray(condition)) {
    return condition.includes(value)
  }
  return Object.entries(condition).every(([operator, operand]) => {
    switch (operator) {
      case "$eq":
        return value === operand
      case "$ne":
        return value !== operand
      case "$in":
        return (operand as unknown[]).includes(value)
      case "$nin":
        return !(operand as unknown[]).includes(value)
      default:
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `The acme search provider does not support the ${operator} filter (on ${field})`
        )
    }
  })
}
