import { MedusaError, projectDocument } from "@medusajs/framework/utils"
import type { SearchTypes } from "@medusajs/framework/types"
import { MAX_RESULT_WINDOW } from "./constants"
import type { FieldPlan, PlannedField } from "./field-plan"
import { buildAggregations, normalizeFacets, readFacets, type NormalizedFacet } from "./facets"
import { compileFilters } from "./filters"
import { buildHighlight, readHighlights, type HighlightPlan } from "./highlight"
import { buildTextQuery } from "./text-query"

type Query = Record<string, unknown>

const DEFAULT_TAKE = 20
const DISTINCT_COUNT = "distinct_count"

/** A search request body and what reading its answer needs. */
export interface PreparedSearch {
  body: Record<string, any>
  facets: NormalizedFacet[]
  highlight?: HighlightPlan
  distinct?: string
}

function notAllowed(message: string): never {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, message)
}

function invalid(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

/**
 * The `_search` body for one of the Search Module's queries. Ordering, counting and projection follow the
 * PostgreSQL provider: relevance then primary key with a query, primary key without one; `count` exact unless
 * `"none"`; `attributes_to_retrieve` projected as given. Refuses what it cannot answer exactly (vector search,
 * query-time locales, cursors, pages past Elasticsearch's 10,000-hit window).
 */
export function buildSearchBody(input: SearchTypes.ProviderSearchQuery, plan: FieldPlan): PreparedSearch {
  const options = input.search_options ?? {}
  const settings = input.index.settings ?? {}
  const skip = input.pagination?.skip ?? 0
  const take = input.pagination?.take ?? DEFAULT_TAKE
  if (options.vector) {
    notAllowed("The Elasticsearch search provider does not support search_options.vector")
  }
  if (options.locales?.length) {
    notAllowed("The Elasticsearch search provider does not support query-time locales; set `language` in its options")
  }
  if (input.pagination?.cursor !== undefined) {
    notAllowed("The Elasticsearch search provider does not support cursor pagination; use skip and take")
  }
  if (skip + take > MAX_RESULT_WINDOW) {
    invalid(
      `Search results can be paged up to the ${MAX_RESULT_WINDOW.toLocaleString("en-US")}th hit (skip ${skip} + take ${take}); narrow the query`
    )
  }

  const searchOn = options.attributes_to_search_on ?? plan.searchable
  for (const path of searchOn) {
    if (!plan.fields.get(path)?.searchable) {
      invalid(`Field "${path}" is not searchable on search index "${input.index.name}"`)
    }
  }
  const q = input.q?.trim() || undefined
  if (q && !plan.searchable.length) {
    invalid(`Search index "${input.index.name}" has no searchable fields, so it cannot be queried by text`)
  }

  const must: Query[] = []
  if (q) {
    must.push(
      buildTextQuery({
        q,
        plan,
        searchOn,
        matchStrategy: options.match_strategy,
        // A preference of the query, honoured only where the index leaves typo tolerance on.
        typoTolerance: !!options.typo_tolerance && (settings.typo_tolerance?.enabled ?? true),
        typoSettings: settings.typo_tolerance,
      })
    )
  }
  const filter = compileFilters(input.filters, plan)
  const query =
    must.length || filter
      ? { bool: { ...(must.length ? { must } : {}), ...(filter ? { filter: [filter] } : {}) } }
      : { match_all: {} }

  const facets = normalizeFacets(options.facets, plan)
  const aggs: Record<string, unknown> = { ...buildAggregations(facets, plan) }
  const distinct = options.distinct ?? settings.distinct_attribute
  const distinctField = distinct ? sortableField(plan, distinct, "deduplicate") : undefined
  const countHits = options.count !== "none"
  if (distinctField && countHits) {
    // With collapse, hits.total still counts documents; the count of distinct values is what PostgreSQL reports.
    aggs[DISTINCT_COUNT] = { cardinality: { field: distinctField.exactPath, precision_threshold: 40000 } }
  }
  const highlight = q && options.highlight ? buildHighlight(options.highlight, searchOn, plan) : undefined

  const body: Record<string, any> = {
    query,
    from: skip,
    size: take,
    sort: buildSort(input, plan, !!q),
    _source: input.attributes_to_retrieve.length ? { includes: input.attributes_to_retrieve } : false,
    track_total_hits: countHits && !distinctField,
    ...(options.include_score ? { track_scores: true } : {}),
    ...(options.min_score !== undefined ? { min_score: options.min_score } : {}),
    ...(distinctField ? { collapse: { field: distinctField.exactPath } } : {}),
    ...(highlight ? { highlight: highlight.request } : {}),
    ...(Object.keys(aggs).length ? { aggs } : {}),
  }
  return { body, facets, highlight, distinct: distinctField && countHits ? DISTINCT_COUNT : undefined }
}

function sortableField(plan: FieldPlan, path: string, use: "sort" | "deduplicate"): PlannedField {
  const field = plan.fields.get(path)
  if (!field) {
    invalid(`Cannot ${use} by unknown field "${path}"`)
  }
  if (field.isArray || field.kind === "geo") {
    notAllowed(`The Elasticsearch search provider cannot ${use} by "${path}"`)
  }
  return field
}

function buildSort(input: SearchTypes.ProviderSearchQuery, plan: FieldPlan, hasQuery: boolean): unknown[] {
  const order = Object.entries(input.pagination?.order ?? {})
  const tieBreak = { [plan.fields.get(plan.primaryKey)?.exactPath ?? plan.primaryKey]: { order: "asc" } }
  if (!order.length) {
    return hasQuery ? [{ _score: { order: "desc" } }, tieBreak] : [tieBreak]
  }
  const sort: unknown[] = order.map(([path, direction]) => {
    const dir = direction === "ASC" ? "asc" : "desc"
    if (path === "_score") {
      return { _score: { order: dir } }
    }
    return { [sortableField(plan, path, "sort").exactPath]: { order: dir, missing: "_last" } }
  })
  return [...sort, tieBreak]
}

/** The `_search` answer as the Search Module's result, in the PostgreSQL provider's shape. */
export function readSearchResult(
  response: Record<string, any>,
  input: SearchTypes.ProviderSearchQuery,
  prepared: PreparedSearch,
  plan: FieldPlan,
  elapsedMs: number
): SearchTypes.SearchResult {
  const options = input.search_options ?? {}
  const total = response.hits?.total
  const count =
    options.count === "none"
      ? null
      : prepared.distinct
        ? Number(response.aggregations?.[prepared.distinct]?.value ?? 0)
        : Number(typeof total === "number" ? total : (total?.value ?? 0))
  return {
    hits: (response.hits?.hits ?? []).map((hit: any) => ({
      id: String(hit._id),
      score: options.include_score ? Number(hit._score ?? 0) : undefined,
      document: projectDocument(hit._source ?? {}, input.attributes_to_retrieve),
      ...(prepared.highlight ? { highlights: readHighlights(prepared.highlight, hit.highlight) } : {}),
    })),
    facets: readFacets(prepared.facets, response.aggregations, plan),
    metadata: {
      skip: input.pagination?.skip ?? 0,
      take: input.pagination?.take ?? DEFAULT_TAKE,
      count,
      query: input.q,
      processing_time_ms: elapsedMs,
    },
  }
}
