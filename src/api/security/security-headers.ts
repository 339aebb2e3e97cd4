import helmet from "helmet"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requestIdOf } from "./request-id"

/**
 * Security headers for API responses (`/store`, `/admin`, `/auth`, `/hooks`): the API serves JSON only, so the
 * content security policy allows nothing to load or frame it. The dashboard under `/app` is served by Medusa's admin
 * loader before any middleware of ours and keeps its own headers.
 */
const helmetMiddleware = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  crossOriginResourcePolicy: { policy: "same-origin" },
  referrerPolicy: { policy: "no-referrer" },
  hsts: { maxAge: 31_536_000, includeSubDomains: true },
})

export function applySecurityHeaders(req: MedusaRequest, res: MedusaResponse): void {
  helmetMiddleware(req, res, () => undefined)
  res.setHeader("Cache-Control", res.getHeader("Cache-Control") ?? "no-store")
}

export function securityHeaders(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
  applySecurityHeaders(req, res)
  res.setHeader("X-Request-Id", requestIdOf(req))
  next()
}
