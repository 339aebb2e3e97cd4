import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STORE_INDEX } from "../../../../lib/search/store-query"
import { searchModule, storeScope } from "../../../store-search/search-context"
import type { AutocompleteQuery } from "./operations"

const FIELDS = ["id", "title", "handle", "thumbnail"]

/**
 * GET /store/search/autocomplete?q=hood&limit=5 — product suggestions for a search box: a few fields, the last word
 * as a prefix, published products of the key's sales channel; typo-tolerant only when the exact prefix finds
 * nothing. Not recorded in the insights (every keystroke would count).
 */
export const GET = async (req: MedusaRequest<unknown, AutocompleteQuery>, res: MedusaResponse) => {
  const { q, limit } = req.validatedQuery
  const search = (typo_tolerance: boolean) =>
    searchModule(req).search({
      entity: STORE_INDEX,
      fields: FIELDS,
      filters: { q, ...storeScope(req) },
      pagination: { take: limit },
      search_options: { match_strategy: "last", typo_tolerance, count: "none" },
    })
  let result = await search(false)
  if (!result.hits.length) {
    result = await search(true)
  }
  res.json({
    query: q,
    suggestions: result.hits.map((hit) => ({ id: hit.id, ...pick(hit.document ?? {}) })),
  })
}

function pick(document: Record<string, unknown>) {
  return { title: document.title ?? null, handle: document.handle ?? null, thumbnail: document.thumbnail ?? null }
}
