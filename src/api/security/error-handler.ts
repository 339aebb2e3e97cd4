import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { toSafeErrorResponse } from "./error-response"
import { requestIdOf } from "./request-id"
import { applySecurityHeaders } from "./security-headers"

/**
 * Replaces Medusa's error handler (registered through `defineMiddlewares({ errorHandler })`): answers with
 * `toSafeErrorResponse`, logs 5xx with the full error under the request id the client receives, and puts the
 * security headers on error responses too (some errors happen before our header middleware runs).
 */
export function tiendaErrorHandler() {
  return function errorHandler(err: any, req: MedusaRequest, res: MedusaResponse, _next: MedusaNextFunction): void {
    const requestId = requestIdOf(req)
    const logger = req.scope?.resolve?.(ContainerRegistrationKeys.LOGGER) ?? fallbackLogger
    const { status, body, retryAfterSeconds } = toSafeErrorResponse(err, requestId)
    const where = `${req.method} ${(req.originalUrl || req.url || "").split("?")[0]}`
    if (status >= 500) {
      logger.error(
        `request_id=${requestId} ${where} failed with ${status}: ${err?.stack ?? err?.message ?? String(err)}`
      )
    } else {
      logger.info(`request_id=${requestId} ${where} answered ${status}: ${body.message}`)
    }
    if (res.headersSent) {
      return
    }
    applySecurityHeaders(req, res)
    res.setHeader("X-Request-Id", requestId)
    if (retryAfterSeconds !== undefined) {
      res.setHeader("Retry-After", String(retryAfterSeconds))
    }
    res.status(status).json(body)
  }
}

// Only when a request has no container scope, which Medusa says never happens; still no console output.
const fallbackLogger = { error: (_: string) => undefined, info: (_: string) => undefined }
