import type { SearchTypes } from "@medusajs/framework/types"
import { ANALYZERS, META_KEY, SUBFIELDS } from "./constants"
import { isSearchableField } from "./field-plan"

type FieldDefinition = SearchTypes.SearchFieldDefinition

/** What an index needs to be rebuilt later from the index itself (clearIndex, deletes by filter). */
export interface IndexMeta {
  physical_name: string
  primary_key: string
  fields: Record<string, FieldDefinition>
  settings: SearchTypes.SearchIndexSettings
  definition_hash?: string
}

export interface IndexBodyOptions {
  language: string
  shards: number
  replicas: number
}

/** Longest prefix the edge n-grams hold; a longer last word still matches through its full token. */
export const MAX_PREFIX_LENGTH = 20
// Keyword values longer than this are stored but not indexed (Lucene's term limit is 32,766 bytes).
const IGNORE_ABOVE = 8191

/**
 * The body of `PUT /<index>`: analysis settings and an explicit mapping derived from the definition. `dynamic:
 * false` keeps undeclared document fields in `_source` (hits return them) without indexing them.
 */
export function buildIndexBody(
  meta: IndexMeta,
  options: IndexBodyOptions
): { settings: Record<string, unknown>; mappings: Record<string, unknown> } {
  const stemmer = options.language === "none" ? [] : ["tienda_stemmer"]
  return {
    settings: {
      number_of_shards: options.shards,
      number_of_replicas: options.replicas,
      // A malformed number, date or point drops that value, not the document (as the PostgreSQL provider does).
      "mapping.ignore_malformed": true,
      analysis: {
        filter: {
          tienda_edge_ngram: { type: "edge_ngram", min_gram: 1, max_gram: MAX_PREFIX_LENGTH },
          ...(stemmer.length ? { tienda_stemmer: { type: "stemmer", language: options.language } } : {}),
        },
        analyzer: {
          [ANALYZERS.text]: {
            type: "custom",
            tokenizer: "standard",
            filter: ["lowercase", "asciifolding", ...stemmer],
          },
          [ANALYZERS.plain]: { type: "custom", tokenizer: "standard", filter: ["lowercase", "asciifolding"] },
          [ANALYZERS.prefix]: {
            type: "custom",
            tokenizer: "standard",
            filter: ["lowercase", "asciifolding", "tienda_edge_ngram"],
          },
        },
      },
    },
    mappings: {
      dynamic: false,
      _meta: { [META_KEY]: meta },
      properties: mapProperties(meta.fields),
    },
  }
}

function mapProperties(fields: Record<string, FieldDefinition>): Record<string, unknown> {
  const properties: Record<string, unknown> = {}
  for (const [name, field] of Object.entries(fields)) {
    const mapped = mapField(field)
    if (mapped) {
      properties[name] = mapped
    }
  }
  return properties
}

function mapField(field: FieldDefinition): Record<string, unknown> | undefined {
  const searchable = isSearchableField(field)
  const prefix = { type: "text", analyzer: ANALYZERS.prefix, search_analyzer: ANALYZERS.plain }
  switch (field.type) {
    case "object":
      return { type: "object", properties: mapProperties(field.fields ?? {}) }
    case "text":
      return {
        type: "text",
        analyzer: ANALYZERS.text,
        fields: {
          [SUBFIELDS.raw]: { type: "keyword", ignore_above: IGNORE_ABOVE },
          ...(searchable ? { [SUBFIELDS.prefix]: prefix } : {}),
        },
      }
    case "keyword":
      return {
        type: "keyword",
        ignore_above: IGNORE_ABOVE,
        ...(searchable
          ? { fields: { [SUBFIELDS.text]: { type: "text", analyzer: ANALYZERS.text }, [SUBFIELDS.prefix]: prefix } }
          : {}),
      }
    case "integer":
      return { type: "long" }
    case "float":
      return { type: "double" }
    case "boolean":
      return { type: "boolean" }
    case "date":
      return { type: "date", format: "strict_date_optional_time||epoch_millis" }
    case "geo":
      return { type: "geo_point" }
    case "vector":
      // No vector search here: the value stays in _source only.
      return undefined
  }
}
