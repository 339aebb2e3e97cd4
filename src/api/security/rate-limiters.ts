import type Redis from "ioredis"
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible"
import { createRedisClient } from "../../lib/redis"
import type { RateLimit } from "./rate-limit-rules"

/**
 * One limiter per rule and limit, created on first use: in Redis when REDIS_URL is set (shared by every server
 * process), in memory otherwise (per process). A Redis outage falls back to the in-memory "insurance" limiter,
 * so the shop keeps limiting rather than failing or letting everything through.
 */
const limiters = new Map<string, RateLimiterAbstract>()
let redis: Redis | undefined
let redisUrlInUse: string | undefined

export function limiterFor(rule: string, limit: RateLimit, redisUrl: string | undefined): RateLimiterAbstract {
  const cacheKey = `${rule}:${limit.points}:${limit.durationSeconds}:${redisUrl ?? "memory"}`
  let limiter = limiters.get(cacheKey)
  if (!limiter) {
    const options = {
      keyPrefix: `tienda-rl-${rule.toLowerCase()}-${limit.points}-${limit.durationSeconds}`,
      points: limit.points,
      duration: limit.durationSeconds,
    }
    limiter = redisUrl
      ? new RateLimiterRedis({
          ...options,
          storeClient: redisClient(redisUrl),
          insuranceLimiter: new RateLimiterMemory(options),
        })
      : new RateLimiterMemory(options)
    limiters.set(cacheKey, limiter)
  }
  return limiter
}

/**
 * Addresses that have logged into an account (key `<account>|<address>`), kept in the limiters' own store (Redis or
 * memory) for `seconds`: a record of one point whose presence is all that matters.
 */
export function knownAddressesFor(seconds: number, redisUrl: string | undefined): RateLimiterAbstract {
  return limiterFor("KNOWN_ADDRESS", { points: 1, durationSeconds: seconds }, redisUrl)
}

function redisClient(url: string): Redis {
  if (!redis || redisUrlInUse !== url) {
    // Commands wait for the first connection (or the first requests would all go to the insurance limiter), but
    // never long: past a second the insurance limiter answers.
    redis = createRedisClient(url, { name: "rate limits", maxRetriesPerRequest: 1, commandTimeout: 1_000 })
    redisUrlInUse = url
  }
  return redis
}
