import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { normalizeTerms } from "../../../lib/search/synonyms"
import { searchTuning } from "../../store-search/search-context"
import type { SynonymGroupBody } from "./operations"

/** GET /admin/search-synonyms: every synonym group, newest first. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const synonyms = await searchTuning(req).listSearchSynonymGroups({}, { order: { created_at: "DESC" }, take: null })
  res.json({ synonyms })
}

/** POST /admin/search-synonyms { terms: ["tee", "t-shirt"] }: a new group; applies from the next store search. */
export const POST = async (req: MedusaRequest<SynonymGroupBody>, res: MedusaResponse) => {
  const terms = normalizeTerms(req.validatedBody.terms)
  const synonym = await searchTuning(req).createSearchSynonymGroups({ terms: terms as any })
  res.status(201).json({ synonym })
}
