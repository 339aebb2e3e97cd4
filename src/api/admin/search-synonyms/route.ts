import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { normalizeTerms, synonymGroupProblem } from "../../../lib/search/synonyms"
import { searchTuning } from "../../store-search/search-context"

/** GET /admin/search-synonyms: every synonym group, newest first. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const synonyms = await searchTuning(req).listSearchSynonymGroups({}, { order: { created_at: "DESC" }, take: null })
  res.json({ synonyms })
}

/** POST /admin/search-synonyms { terms: ["tee", "t-shirt"] }: a new group; applies from the next store search. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const terms = synonymTermsFrom(req.body)
  const synonym = await searchTuning(req).createSearchSynonymGroups({ terms: terms as any })
  res.status(201).json({ synonym })
}

export function synonymTermsFrom(body: unknown): string[] {
  const terms = (body as { terms?: unknown } | null)?.terms
  const problem = synonymGroupProblem(terms)
  if (problem) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
  }
  return normalizeTerms(terms as string[])
}
