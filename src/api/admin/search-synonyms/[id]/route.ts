import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { searchTuning } from "../../../store-search/search-context"
import { normalizeTerms } from "../../../../lib/search/synonyms"
import type { SynonymGroupBody } from "../operations"

async function existing(req: MedusaRequest) {
  const [synonym] = await searchTuning(req).listSearchSynonymGroups({ id: req.params.id }, { take: 1 })
  if (!synonym) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Synonym group ${req.params.id} was not found`)
  }
  return synonym
}

/** POST /admin/search-synonyms/:id { terms }: replaces the group's terms. */
export const POST = async (req: MedusaRequest<SynonymGroupBody>, res: MedusaResponse) => {
  const terms = normalizeTerms(req.validatedBody.terms)
  await existing(req)
  const synonym = await searchTuning(req).updateSearchSynonymGroups({ id: req.params.id, terms: terms as any })
  res.json({ synonym })
}

/** DELETE /admin/search-synonyms/:id */
export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  await existing(req)
  await searchTuning(req).deleteSearchSynonymGroups(req.params.id)
  res.json({ id: req.params.id, object: "search_synonym", deleted: true })
}
