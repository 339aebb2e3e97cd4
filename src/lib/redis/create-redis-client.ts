import Redis, { type RedisOptions } from "ioredis"
import { logger as medusaLogger } from "@medusajs/framework/logger"
import { applyErrorPolicy, reconnectDelayMs, type RedisLogger } from "./error-policy"

export interface RedisClientOptions extends Omit<RedisOptions, "retryStrategy"> {
  /** Says which client a log line is about ("catalog cache", "rate limits", …). */
  name: string
  /** Medusa's logger unless told otherwise (tests). */
  logger?: RedisLogger
}

/**
 * The one way the app makes a Redis client: ioredis with the app's error policy (error-policy.ts) and its
 * reconnect backoff. Everything else is the caller's (command timeout, retries per command, `lazyConnect`: a
 * client made on first use connects then; with `lazyConnect` it waits for its first command). What a caller does
 * while Redis is down (fall back to memory, answer without a cache) stays the caller's too.
 */
export function createRedisClient(url: string, { name, logger = medusaLogger, ...options }: RedisClientOptions): Redis {
  const client = new Redis(url, { ...options, retryStrategy: reconnectDelayMs })
  applyErrorPolicy(client, name, logger)
  return client
}
