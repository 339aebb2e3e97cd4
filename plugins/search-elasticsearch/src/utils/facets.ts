import { MedusaError } from "@medusajs/framework/utils"
import type { SearchTypes } from "@medusajs/framework/types"
import type { FieldPlan, PlannedField } from "./field-plan"
import { isFacetableField } from "./field-plan"

type FacetRequest = SearchTypes.SearchFacetRequest
type Range = { key: string; from?: number | string; to?: number | string }

/** A facet request with its defaults applied (range keys, numeric bounds). */
export type NormalizedFacet =
  | { field: string; type: "value"; limit: number; sort: "count" | "alpha"; query?: string }
  | { field: string; type: "range"; ranges: Range[] }
  | { field: string; type: "stats" }

const DEFAULT_VALUE_LIMIT = 10

function notAllowed(message: string): never {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, message)
}

function isNumeric(field: PlannedField): boolean {
  return field.kind === "integer" || field.kind === "float" || field.kind === "date"
}

/** Same defaults as the PostgreSQL provider: 10 values by count, range key `<from>-<to>` with `*` for open ends. */
export function normalizeFacets(requests: (string | FacetRequest)[] | undefined, plan: FieldPlan): NormalizedFacet[] {
  return (requests ?? []).map((request) => {
    const facet: FacetRequest = typeof request === "string" ? { field: request, type: "value" } : request
    const field = plan.fields.get(facet.field)
    if (!field || !isFacetableField(field.field)) {
      notAllowed(`Field "${facet.field}" is not facetable on the Elasticsearch search provider`)
    }
    if (facet.type === "stats" || facet.type === "range") {
      if (!isNumeric(field)) {
        notAllowed(
          `${facet.type === "stats" ? "Stats" : "Range"} facets require a numeric or date field ("${facet.field}")`
        )
      }
      if (facet.type === "stats") {
        return { field: facet.field, type: "stats" }
      }
      return {
        field: facet.field,
        type: "range",
        ranges: facet.ranges.map((range) => ({
          key: range.key ?? `${range.from ?? "*"}-${range.to ?? "*"}`,
          from: bound(field, range.from),
          to: bound(field, range.to),
        })),
      }
    }
    if (field.kind === "geo") {
      notAllowed(`Value facets are not supported on geo field "${facet.field}"`)
    }
    return {
      field: facet.field,
      type: "value",
      limit: facet.limit ?? DEFAULT_VALUE_LIMIT,
      sort: facet.sort ?? "count",
      query: facet.query,
    }
  })
}

// Numbers stay numbers; a numeric string becomes one; a date string stays for Elasticsearch to parse.
function bound(field: PlannedField, value: number | string | undefined): number | string | undefined {
  if (value === undefined || typeof value === "number") {
    return value
  }
  const number = Number(value)
  if (value.trim() !== "" && !Number.isNaN(number)) {
    return number
  }
  if (field.kind === "date" && !Number.isNaN(Date.parse(value))) {
    return value
  }
  throw new MedusaError(
    MedusaError.Types.INVALID_DATA,
    `Range bound "${value}" is not a number${field.kind === "date" ? " or a date" : ""} ("${field.path}")`
  )
}

/** One aggregation per facet, named by position (field paths contain dots, which aggregation names may not). */
export function buildAggregations(facets: NormalizedFacet[], plan: FieldPlan): Record<string, unknown> | undefined {
  if (!facets.length) {
    return undefined
  }
  const aggs: Record<string, unknown> = {}
  facets.forEach((facet, i) => {
    const field = plan.fields.get(facet.field)!.exactPath
    if (facet.type === "stats") {
      aggs[`facet_${i}`] = { stats: { field } }
    } else if (facet.type === "range") {
      aggs[`facet_${i}`] = {
        range: {
          field,
          keyed: false,
          ranges: facet.ranges.map(({ key, from, to }) => ({
            key,
            ...(from !== undefined ? { from } : {}),
            ...(to !== undefined ? { to } : {}),
          })),
        },
      }
    } else {
      aggs[`facet_${i}`] = {
        terms: {
          field,
          size: facet.limit,
          order: facet.sort === "alpha" ? [{ _key: "asc" }] : [{ _count: "desc" }, { _key: "asc" }],
          ...(facet.query ? { include: `${escapeRegex(facet.query)}.*` } : {}),
        },
      }
    }
  })
  return aggs
}

/** Elasticsearch's regular expressions (Lucene syntax) reserve more characters than JavaScript's. */
export function escapeRegex(text: string): string {
  return text.replace(/[.?+*|{}[\]()"\\#@&<>~^$]/g, (c) => `\\${c}`)
}

/** The aggregations' answer in the Search Module's facet shapes, keyed by field, as the PostgreSQL provider returns them. */
export function readFacets(
  facets: NormalizedFacet[],
  aggregations: Record<string, any> | undefined,
  plan: FieldPlan
): Record<string, SearchTypes.SearchFacetResult> | undefined {
  if (!facets.length) {
    return undefined
  }
  const result: Record<string, SearchTypes.SearchFacetResult> = {}
  facets.forEach((facet, i) => {
    const agg = aggregations?.[`facet_${i}`] ?? {}
    if (facet.type === "stats") {
      result[facet.field] = {
        type: "stats",
        min: Number(agg.min ?? 0),
        max: Number(agg.max ?? 0),
        avg: agg.avg === null || agg.avg === undefined ? undefined : Number(agg.avg),
        sum: agg.count ? Number(agg.sum) : undefined,
        count: Number(agg.count ?? 0),
      }
    } else if (facet.type === "range") {
      const buckets: any[] = agg.buckets ?? []
      result[facet.field] = {
        type: "range",
        ranges: facet.ranges.map((range) => ({
          key: range.key,
          from: range.from,
          to: range.to,
          count: Number(buckets.find((bucket) => bucket.key === range.key)?.doc_count ?? 0),
        })),
      }
    } else {
      // Booleans come back as 1/0 with key_as_string "true"/"false"; numbers and dates (epoch ms) as their number.
      const boolean = plan.fields.get(facet.field)?.kind === "boolean"
      result[facet.field] = {
        type: "value",
        values: (agg.buckets ?? []).map((bucket: any) => ({
          value: boolean ? String(bucket.key_as_string) : String(bucket.key),
          count: Number(bucket.doc_count ?? 0),
        })),
      }
    }
  })
  return result
}
