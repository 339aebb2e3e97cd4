import { MedusaError } from "@medusajs/framework/utils"
import type { SearchTypes } from "@medusajs/framework/types"
import type { FieldPlan, PlannedField } from "./field-plan"

type Query = Record<string, unknown>
type FilterValue = SearchTypes.SearchFilterValue

function notAllowed(message: string): never {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, message)
}

/**
 * Compiles the Search Module's filter tree into an Elasticsearch bool query (filter context: no scoring). The
 * semantics follow the PostgreSQL provider, so a storefront gets the same documents from either: a bare value or
 * list means "equals any" (on array fields "contains any"); `$ne`/`$nin` also match documents without the field;
 * comparisons, `$prefix` and `$like` are refused on array fields; `$contains`/`$overlaps` need one.
 * Returns undefined when the tree holds no predicate.
 */
export function compileFilters(filters: SearchTypes.SearchFilters | undefined, plan: FieldPlan): Query | undefined {
  if (!filters) {
    return undefined
  }
  const clauses = compileBranch(filters, plan)
  if (!clauses.length) {
    return undefined
  }
  return clauses.length === 1 ? clauses[0] : { bool: { filter: clauses } }
}

function compileBranch(branch: SearchTypes.SearchFilters, plan: FieldPlan): Query[] {
  const clauses: Query[] = []
  for (const [key, value] of Object.entries(branch)) {
    if (key === "q" || value === undefined) {
      continue
    }
    if (key === "$and" || key === "$or") {
      const nested = ((value as SearchTypes.SearchFilters[]) ?? [])
        .map((child) => compileFilters(child, plan))
        .filter((child): child is Query => !!child)
      if (nested.length) {
        clauses.push(
          key === "$and" ? { bool: { filter: nested } } : { bool: { should: nested, minimum_should_match: 1 } }
        )
      }
      continue
    }
    if (key === "$not") {
      const nested = compileFilters(value as SearchTypes.SearchFilters, plan)
      if (nested) {
        clauses.push({ bool: { must_not: [nested] } })
      }
      continue
    }
    clauses.push(fieldPredicate(key, value, plan))
  }
  return clauses
}

function fieldPredicate(path: string, raw: unknown, plan: FieldPlan): Query {
  const field = plan.fields.get(path)
  if (!field) {
    notAllowed(`Unknown filter field "${path}" on the Elasticsearch search provider`)
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw) || raw instanceof Date) {
    return anyOf(field, Array.isArray(raw) ? (raw as FilterValue[]) : [raw as FilterValue])
  }
  const operators = Object.keys(raw).filter((key) => key.startsWith("$"))
  if (!operators.length) {
    notAllowed(`Empty operator map on filter field "${path}"`)
  }
  const parts = operators.map((operator) =>
    operatorPredicate(field, operator, (raw as Record<string, unknown>)[operator])
  )
  return parts.length === 1 ? parts[0] : { bool: { filter: parts } }
}

function operatorPredicate(field: PlannedField, operator: string, value: unknown): Query {
  const list = (v: unknown) => (Array.isArray(v) ? (v as FilterValue[]) : [v as FilterValue])
  switch (operator) {
    case "$eq":
      return equals(field, value as FilterValue)
    case "$ne":
      return value === null || value === undefined ? exists(field) : not(equals(field, value as FilterValue))
    case "$in":
      return anyOf(field, list(value))
    case "$nin":
      return not(anyOf(field, list(value)))
    case "$gt":
    case "$gte":
    case "$lt":
    case "$lte":
      if (field.isArray) {
        notAllowed(`Operator "${operator}" is not supported on array field "${field.path}"`)
      }
      return { range: { [field.exactPath]: { [operator.slice(1)]: castValue(field, value as FilterValue) } } }
    case "$exists":
      return value ? exists(field) : not(exists(field))
    case "$contains":
      requireArray(field, operator)
      return { bool: { filter: list(value).map((v) => equals(field, v)) } }
    case "$overlaps":
      requireArray(field, operator)
      return anyOf(field, list(value))
    case "$prefix":
    case "$like":
      if (field.isArray) {
        notAllowed(`Operator "${operator}" is not supported on array field "${field.path}"`)
      }
      if (field.kind !== "keyword" && field.kind !== "text") {
        notAllowed(`Operator "${operator}" needs a text or keyword field ("${field.path}" is ${field.kind})`)
      }
      return operator === "$prefix"
        ? { prefix: { [field.exactPath]: { value: String(value) } } }
        : { wildcard: { [field.exactPath]: { value: likeToWildcard(String(value)) } } }
    default:
      return notAllowed(`The Elasticsearch search provider does not support operator "${operator}" on "${field.path}"`)
  }
}

function requireArray(field: PlannedField, operator: string): void {
  if (!field.isArray) {
    notAllowed(`Operator ${operator} on "${field.path}" needs an array field`)
  }
}

function equals(field: PlannedField, value: FilterValue): Query {
  if (value === null || value === undefined) {
    return not(exists(field))
  }
  return { term: { [field.exactPath]: castValue(field, value) } }
}

function anyOf(field: PlannedField, values: FilterValue[]): Query {
  if (!values.length) {
    return { match_none: {} }
  }
  const present = values.filter((v) => v !== null && v !== undefined)
  const terms: Query[] = present.length
    ? [{ terms: { [field.exactPath]: present.map((v) => castValue(field, v)) } }]
    : []
  if (present.length < values.length) {
    terms.push(not(exists(field)))
  }
  return terms.length === 1 ? terms[0] : { bool: { should: terms, minimum_should_match: 1 } }
}

function exists(field: PlannedField): Query {
  return { exists: { field: field.exactPath } }
}

function not(query: Query): Query {
  return { bool: { must_not: [query] } }
}

/** SQL LIKE (`%` any run, `_` one character) to an Elasticsearch wildcard pattern, escaping `*`, `?` and `\`. */
export function likeToWildcard(pattern: string): string {
  return pattern
    .replace(/[\\*?]/g, (c) => `\\${c}`)
    .replace(/%/g, "*")
    .replace(/_/g, "?")
}

/** A filter value as the field's mapping stores it; a value that cannot be one is the caller's mistake (400). */
export function castValue(field: PlannedField, value: FilterValue): string | number | boolean {
  switch (field.kind) {
    case "integer":
    case "float": {
      const number = typeof value === "number" ? value : Number(value)
      if (value === "" || typeof value === "boolean" || Number.isNaN(number)) {
        invalid(field, value)
      }
      return number
    }
    case "date": {
      const ms =
        value instanceof Date
          ? value.getTime()
          : typeof value === "number"
            ? value
            : /^-?\d+$/.test(String(value))
              ? Number(value)
              : Date.parse(String(value))
      if (Number.isNaN(ms)) {
        invalid(field, value)
      }
      return ms
    }
    case "boolean":
      if (typeof value === "boolean") {
        return value
      }
      if (value === "true" || value === "false") {
        return value === "true"
      }
      return invalid(field, value)
    case "geo":
      return notAllowed(`Geo field "${field.path}" can only be filtered with $exists`)
    default:
      return value instanceof Date ? value.toISOString() : String(value)
  }
}

function invalid(field: PlannedField, value: unknown): never {
  throw new MedusaError(
    MedusaError.Types.INVALID_DATA,
    `Filter value ${JSON.stringify(value)} is not a valid ${field.kind} for "${field.path}"`
  )
}
