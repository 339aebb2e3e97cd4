import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { prepareStoreQuery, SearchInputError } from "../../lib/search/store-query"
import { tuneQueries } from "./query-tuning"
import { recordWhenAnswered } from "./record-query"
import { measureSearch } from "./search-metrics"
import { storeQueryContext } from "./search-context"

/**
 * Tienda's middleware on `POST /store/search`, after `configureStoreSearch`: checks every query (400 with a clear
 * message), applies defaults, synonyms and typo tolerance, and records the search for insights. The rewritten body
 * replaces both the raw and the validated body, whichever order Medusa's own validator runs in.
 */
export async function storeSearch(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): Promise<void> {
  try {
    const source = (req as any).validatedBody ?? req.body
    const batch = Array.isArray(source?.queries)
    const raw: unknown[] = batch ? source.queries : [source]
    const context = storeQueryContext(req)
    const prepared = raw.map((query) => prepareStoreQuery(query, context))
    await tuneQueries(req, prepared)
    const body = batch ? { ...source, queries: prepared.map((entry) => entry.query) } : prepared[0].query
    req.body = body
    if ((req as any).validatedBody) {
      ;(req as any).validatedBody = body
    }
    const searched = prepared.findIndex((entry) => entry.q)
    if (searched >= 0) {
      const { q, query } = prepared[searched]
      recordWhenAnswered(req, res, { q, skip: Number(query.pagination?.skip ?? 0), resultIndex: searched })
      measureSearch(req, res, searched)
    }
    next()
  } catch (error) {
    next(error instanceof SearchInputError ? new MedusaError(MedusaError.Types.INVALID_DATA, error.message) : error)
  }
}
