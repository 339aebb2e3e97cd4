import { MedusaError } from "@medusajs/framework/utils"
import type { SearchTypes } from "@medusajs/framework/types"
import type { FieldPlan } from "./field-plan"

/** The highlight request and, per definition path, the mapping fields whose fragments answer for it. */
export interface HighlightPlan {
  request: Record<string, unknown>
  sources: Record<string, string[]>
}

const DEFAULT_SNIPPET_LENGTH = 100
const SNIPPET_FRAGMENTS = 3

/**
 * `true` highlights every searched field; an object picks fields, tags (default `<mark>`) and snippets. Without
 * `snippet` a field comes back whole with its matches marked; with it, up to 3 fragments of `length` characters
 * (default 100). A word matched by its prefix is marked through the edge n-gram field.
 */
export function buildHighlight(
  option: boolean | SearchTypes.SearchHighlightOptions,
  searchOn: string[],
  plan: FieldPlan
): HighlightPlan {
  const settings = typeof option === "object" ? option : undefined
  const paths = settings?.fields ?? searchOn
  const fields: Record<string, unknown> = {}
  const sources: Record<string, string[]> = {}
  for (const path of paths) {
    const field = plan.fields.get(path)
    if (!field?.searchable) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Field "${path}" cannot be highlighted: it is not searchable`
      )
    }
    sources[path] = [field.textPath!, field.prefixPath!]
    fields[field.textPath!] = {}
    fields[field.prefixPath!] = {}
  }
  const snippet = settings?.snippet
  return {
    request: {
      pre_tags: [settings?.pre_tag ?? "<mark>"],
      post_tags: [settings?.post_tag ?? "</mark>"],
      ...(snippet
        ? {
            fragment_size: typeof snippet === "object" ? snippet.length : DEFAULT_SNIPPET_LENGTH,
            number_of_fragments: SNIPPET_FRAGMENTS,
          }
        : { number_of_fragments: 0 }),
      fields,
    },
    sources,
  }
}

/** A hit's `highlight` keyed back by definition path: whole-token fragments first, else prefix ones. */
export function readHighlights(
  plan: HighlightPlan,
  highlight: Record<string, string[]> | undefined
): Record<string, string[]> {
  const result: Record<string, string[]> = {}
  for (const [path, sources] of Object.entries(plan.sources)) {
    const fragments = sources.map((source) => highlight?.[source]).find((found) => found?.length)
    if (fragments) {
      result[path] = fragments
    }
  }
  return result
}
