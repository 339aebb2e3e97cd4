import { usesProductionRules } from "../secrets/runtime-mode"
import { settings } from "../settings"

/** Whether /docs is served: TIENDA_API_DOCS when set, else only with the local rules (development, tests). */
export function apiDocsEnabled(): boolean {
  return settings().apiDocs.enabled ?? !usesProductionRules()
}
