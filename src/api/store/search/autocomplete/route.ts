import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { MAX_QUERY_LENGTH } from "../../../../lib/search/normalize"
import { STORE_INDEX } from "../../../../lib/search/store-query"
import { searchModule, storeScope } from "../../../store-search/search-context"

const FIELDS = ["id", "title", "handle", "thumbnail"]
const MAX_SUGGESTIONS = 10

/**
 * GET /store/search/autocomplete?q=hood&limit=5 — product suggestions for a search box: a few fields, the last word
 * as a prefix, published products of the key's sales channel; typo-tolerant only when the exact prefix finds
 * nothing. Not recorded in the insights (every keystroke would count).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const q = typeof req.query.q === "string" ? req.query.q.trim() : ""
  if (!q || q.length > MAX_QUERY_LENGTH) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `q is required, 1 to ${MAX_QUERY_LENGTH} characters`)
  }
  const limit = req.query.limit === undefined ? 5 : Number(req.query.limit)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SUGGESTIONS) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `limit must be a whole number from 1 to ${MAX_SUGGESTIONS}`)
  }
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
