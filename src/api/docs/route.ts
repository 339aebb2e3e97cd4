import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REFERENCE_PAGE_CSP } from "../../lib/api-docs/reference-page"
import { apiReference, servesReference } from "./api-reference"

/** GET /docs: the reference of Tienda's own routes, a page without scripts. */
export async function GET(_req: MedusaRequest, res: MedusaResponse): Promise<void> {
  if (!servesReference(res)) {
    return
  }
  res.setHeader("Content-Security-Policy", REFERENCE_PAGE_CSP)
  res.setHeader("Content-Type", "text/html; charset=utf-8")
  res.status(200).send(apiReference().page)
}
