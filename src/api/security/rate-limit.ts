import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible"
import {
  accountOf,
  isLogin,
  KNOWN_ADDRESS_SECONDS,
  limitOf,
  RATE_RULES,
  rateLimitsEnabled,
  type RateLimitRequest,
  type RateRule,
} from "./rate-limit-rules"
import { knownAddressesFor, limiterFor } from "./rate-limiters"
import { clientAddressOf } from "../edge/client-address"
import { routePathOf } from "../edge/route-path"
import { settings } from "../../lib/settings"
import { rateLimitRefusals } from "../../lib/metrics"

type Taken = { rule: RateRule; limiter: RateLimiterAbstract; key: string }

/**
 * Applies every rate rule that matches the request (rate-limit-rules.ts), per client address as
 * edge/client-address.ts derives it. The first exhausted rule answers 429 with Retry-After (seconds) and a message
 * saying what was limited — or, for a rule that must not tell, Medusa's own answer. Points of rules that count
 * failures are taken up front and given back when the answer is a success (or the request was refused here, and so
 * guessed nothing). A successful login remembers its address for the account. Limits come from the app's settings
 * (checked at boot; tests set tight ones with setAppEnv).
 */
export async function rateLimit(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): Promise<void> {
  if (!rateLimitsEnabled()) {
    return next()
  }
  const request: RateLimitRequest = {
    method: req.method,
    path: routePathOf(req),
    address: clientAddressOf(req),
    query: req.query ?? {},
    body: req.body && typeof req.body === "object" ? (req.body as Record<string, unknown>) : {},
  }
  const redisUrl = settings().redis.url || undefined
  const warn = (message: string) => req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(message)
  const account = accountOf(request)
  const knownKey = account === undefined ? undefined : `${account}|${request.address}`
  let known: boolean | undefined
  const taken: Taken[] = []
  for (const rule of RATE_RULES) {
    if (!rule.applies(request)) {
      continue
    }
    const key = rule.key(request)
    if (key === undefined) {
      continue
    }
    if (rule.exceptKnownAddress && knownKey !== undefined) {
      known ??= await isKnownAddress(knownKey, redisUrl, warn)
      if (known) {
        continue
      }
    }
    const limiter = limiterFor(rule.name, limitOf(rule), redisUrl)
    try {
      await limiter.consume(key)
      if (rule.counts === "failures" || rule.counts === "consecutive-failures") {
        taken.push({ rule, limiter, key })
      }
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) {
        await giveBack(taken, "refused", warn)
        rateLimitRefusals.inc({ rule: rule.name })
        if (rule.whenExceeded === "accept") {
          warn(`${rule.name} limit reached: request answered without being run`)
          res.sendStatus(201)
          return
        }
        const retryAfter = Math.max(1, Math.ceil(outcome.msBeforeNext / 1000))
        res.setHeader("Retry-After", String(retryAfter))
        res.status(429).json({ type: "too_many_requests", message: `Too many ${rule.what}; retry in ${retryAfter} s.` })
        return
      }
      // The store failed without an insurance answer: let the request through rather than take the shop down.
      warn(`rate limit ${rule.name} unavailable: ${String((outcome as Error)?.message ?? outcome)}`)
    }
  }
  const remember = knownKey !== undefined && isLogin(request)
  if (taken.length > 0 || remember) {
    res.once("finish", () => {
      if (res.statusCode < 200 || res.statusCode >= 300) {
        return
      }
      void giveBack(taken, "succeeded", warn)
      if (remember) {
        knownAddressesFor(KNOWN_ADDRESS_SECONDS, redisUrl)
          .set(knownKey, 1, KNOWN_ADDRESS_SECONDS)
          .catch((error: unknown) => warn(`rate limit known addresses unavailable: ${String(error)}`))
      }
    })
  }
  next()
}

type Warn = (message: string) => void

async function isKnownAddress(key: string, redisUrl: string | undefined, warn: Warn): Promise<boolean> {
  try {
    return (await knownAddressesFor(KNOWN_ADDRESS_SECONDS, redisUrl).get(key)) !== null
  } catch (error) {
    warn(`rate limit known addresses unavailable: ${String(error)}`)
    return false
  }
}

/**
 * A success, or a request refused before it guessed anything, does not count as a failure; a success also ends a
 * run of consecutive failures (a refusal must not: it would wipe a guesser's count).
 */
async function giveBack(taken: Taken[], outcome: "succeeded" | "refused", warn: Warn): Promise<void> {
  await Promise.all(
    taken.map(async ({ rule, limiter, key }) => {
      try {
        const endsRun = outcome === "succeeded" && rule.counts === "consecutive-failures"
        await (endsRun ? limiter.delete(key) : limiter.reward(key, 1))
      } catch (error) {
        warn(`rate limit ${rule.name} unavailable: ${String(error)}`)
      }
    })
  )
}
