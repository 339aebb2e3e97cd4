import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { apiReference, servesReference } from "../api-reference"

/** GET /docs/openapi.json: the OpenAPI 3.1 document of Tienda's own routes. */
export async function GET(_req: MedusaRequest, res: MedusaResponse): Promise<void> {
  if (!servesReference(res)) {
    return
  }
  res.status(200).json(apiReference().document)
}
