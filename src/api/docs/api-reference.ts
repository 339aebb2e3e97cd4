import type { MedusaResponse } from "@medusajs/framework/http"
import { apiDocsEnabled } from "../../lib/api-docs/docs-enabled"
import { type OpenApiDocument, openApiDocument } from "../../lib/api-docs/openapi-document"
import { referencePage } from "../../lib/api-docs/reference-page"
import { TIENDA_OPERATIONS } from "../operations"

let built: { document: OpenApiDocument; page: string } | undefined

/** The document and its page, built once per process: they change only with the code. */
export function apiReference(): { document: OpenApiDocument; page: string } {
  if (!built) {
    const document = openApiDocument(TIENDA_OPERATIONS)
    built = { document, page: referencePage(document) }
  }
  return built
}

/** Answers 404 and returns false when the reference is not served on this shop. */
export function servesReference(res: MedusaResponse): boolean {
  if (apiDocsEnabled()) {
    return true
  }
  res.status(404).json({ type: "not_found", message: "The API reference is not served here (TIENDA_API_DOCS)." })
  return false
}
