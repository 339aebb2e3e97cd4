import { optional } from "../define"
import { onOff } from "../types/switches"

/** Tienda's API reference (src/lib/api-docs/). Unset: served with the local rules, not with the production rules. */
export const apiDocsSettings = {
  enabled: optional(
    "TIENDA_API_DOCS",
    onOff,
    "serve the API reference of Tienda's own routes at /docs and its OpenAPI document at /docs/openapi.json"
  ),
}
