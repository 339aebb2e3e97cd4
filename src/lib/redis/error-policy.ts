import { trackRedisClient, type RedisClientHealth } from "./redis-health"

export interface RedisLogger {
  warn(message: string): void
  info(message: string): void
}

/** The events of a Redis client the policy listens to (an ioredis client, or a fake in tests). */
export interface RedisEvents {
  on(event: "error", listener: (error: Error) => void): unknown
  on(event: "ready", listener: () => void): unknown
}

/** Reconnect delay after the n-th failed attempt in a row: 200 ms more each time, at most 5 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(attempt * 200, 5_000)
}

/**
 * The app's one error policy for Redis clients: an `error` listener is always attached (ioredis reconnects by
 * itself; without a listener each error is printed as unhandled), each failure is counted, an outage is logged
 * once when it starts (not once per failed attempt or command) and once when the client is ready again.
 */
export function applyErrorPolicy(client: RedisEvents, name: string, logger: RedisLogger): RedisClientHealth {
  const health = trackRedisClient(name)
  client.on("error", (error: Error) => {
    health.failures++
    if (!health.down) {
      health.down = true
      health.outages++
      logger.warn(`Redis (${name}) unreachable: ${error?.message ?? error}; reconnecting`)
    }
  })
  client.on("ready", () => {
    if (health.down) {
      health.down = false
      logger.info(`Redis (${name}) reachable again`)
    }
  })
  return health
}
