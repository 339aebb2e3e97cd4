import { randomUUID } from "node:crypto"
import type { MedusaRequest } from "@medusajs/framework/http"

// A caller-supplied X-Request-Id is kept only when it is short and plain, so it cannot forge or break log lines.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/

/**
 * The id that ties a response to its log lines. Medusa sets `req.requestId` from `X-Request-Id` or a UUID; Tienda
 * replaces a caller's value that is not a plain token.
 */
export function requestIdOf(req: MedusaRequest): string {
  const request = req as MedusaRequest & { requestId?: unknown }
  const current = request.requestId
  if (typeof current === "string" && SAFE_REQUEST_ID.test(current)) {
    return current
  }
  const fresh = randomUUID()
  request.requestId = fresh
  return fresh
}
