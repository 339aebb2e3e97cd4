import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { RateLimiterRes } from "rate-limiter-flexible"
import { limitOf, RATE_RULES, rateLimitsEnabled, type RateLimitRequest } from "./rate-limit-rules"
import { limiterFor } from "./rate-limiters"
import { routePathOf } from "../edge/route-path"

/**
 * Applies every rate rule that matches the request (rate-limit-rules.ts). The first exhausted rule answers 429 with
 * Retry-After (seconds) and a message saying what was limited. Limits are read from the environment per request, so
 * they can be changed without a rebuild and tests can set tight ones.
 */
export async function rateLimit(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): Promise<void> {
  if (!rateLimitsEnabled(process.env)) {
    return next()
  }
  const request: RateLimitRequest = {
    method: req.method,
    path: routePathOf(req),
    ip: req.ip || req.socket?.remoteAddress || "unknown",
    query: (req.query ?? {}) as Record<string, unknown>,
    body: req.body && typeof req.body === "object" ? (req.body as Record<string, unknown>) : {},
  }
  for (const rule of RATE_RULES) {
    if (!rule.applies(request)) {
      continue
    }
    const key = rule.key(request)
    if (key === undefined) {
      continue
    }
    const limiter = limiterFor(rule.name, limitOf(rule, process.env), process.env.REDIS_URL || undefined)
    try {
      await limiter.consume(key)
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) {
        const retryAfter = Math.max(1, Math.ceil(outcome.msBeforeNext / 1000))
        res.setHeader("Retry-After", String(retryAfter))
        res.status(429).json({ type: "too_many_requests", message: `Too many ${rule.what}; retry in ${retryAfter} s.` })
        return
      }
      // The store failed without an insurance answer: let the request through rather than take the shop down.
      req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`rate limit ${rule.name} unavailable: ${String((outcome as Error)?.message ?? outcome)}`)
    }
  }
  next()
}
