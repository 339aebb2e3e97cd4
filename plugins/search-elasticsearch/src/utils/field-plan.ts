import type { SearchTypes } from "@medusajs/framework/types"
import { SUBFIELDS } from "./constants"

type FieldDefinition = SearchTypes.SearchFieldDefinition
type LeafKind = Exclude<SearchTypes.SearchFieldKind, "object">

/** One declared leaf field and where each use of it lives in the Elasticsearch mapping. */
export interface PlannedField {
  /** Dotted path in the document and in the index definition. */
  path: string
  kind: LeafKind
  /** Holds several values: declared `array`, or under an array of objects. */
  isArray: boolean
  searchable: boolean
  /** Relevance boost from `searchable: { weight }`. */
  weight: number
  field: FieldDefinition
  /** The field term filters, facets, sorting and `distinct` use: `<path>.raw` for text, the path itself otherwise. */
  exactPath: string
  /** The analyzed field full-token matching uses (searchable fields only). */
  textPath?: string
  /** The edge n-gram field prefix matching uses (searchable fields only). */
  prefixPath?: string
}

/** An index definition flattened into the fields Elasticsearch holds, by dotted path. */
export interface FieldPlan {
  primaryKey: string
  fields: Map<string, PlannedField>
  /** Searchable paths, in declaration order. */
  searchable: string[]
  /** Vector fields: kept in `_source`, not indexed (this provider has no vector search). */
  ignored: string[]
}

export function isSearchableField(field: FieldDefinition): boolean {
  return field.searchable === true || typeof field.searchable === "object"
}

export function isFacetableField(field: FieldDefinition): boolean {
  return field.facetable === true || typeof field.facetable === "object"
}

export function buildFieldPlan(definition: {
  fields: Record<string, FieldDefinition>
  primary_key?: string
}): FieldPlan {
  const fields = new Map<string, PlannedField>()
  const searchable: string[] = []
  const ignored: string[] = []
  const walk = (group: Record<string, FieldDefinition>, prefix: string, inArray: boolean) => {
    for (const [name, field] of Object.entries(group)) {
      const path = prefix ? `${prefix}.${name}` : name
      const isArray = inArray || field.array === true
      if (field.type === "object") {
        walk(field.fields ?? {}, path, isArray)
        continue
      }
      if (field.type === "vector") {
        ignored.push(path)
        continue
      }
      const planned = planLeaf(path, field, isArray)
      fields.set(path, planned)
      if (planned.searchable) {
        searchable.push(path)
      }
    }
  }
  walk(definition.fields, "", false)
  return { primaryKey: definition.primary_key ?? "id", fields, searchable, ignored }
}

function planLeaf(path: string, field: FieldDefinition, isArray: boolean): PlannedField {
  const kind = field.type as LeafKind
  const searchable = isSearchableField(field) && (kind === "text" || kind === "keyword")
  const weight =
    typeof field.searchable === "object" && field.searchable.weight !== undefined ? field.searchable.weight : 1
  const planned: PlannedField = {
    path,
    kind,
    isArray,
    searchable,
    weight,
    field,
    exactPath: kind === "text" ? `${path}.${SUBFIELDS.raw}` : path,
  }
  if (searchable) {
    planned.textPath = kind === "text" ? path : `${path}.${SUBFIELDS.text}`
    planned.prefixPath = `${path}.${SUBFIELDS.prefix}`
  }
  return planned
}
