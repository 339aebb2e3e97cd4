/**
 * What every Redis client of the app has been through, for metrics: failures (each `error` a client emitted:
 * a failed connection attempt, a dropped connection) and outages (a run of failures between two good connections).
 */
export interface RedisClientHealth {
  name: string
  failures: number
  outages: number
  /** True from the first failure until the client is ready again. */
  down: boolean
}

const clients: RedisClientHealth[] = []

export function trackRedisClient(name: string): RedisClientHealth {
  const health = { name, failures: 0, outages: 0, down: false }
  clients.push(health)
  return health
}

/** Failures of every client made so far. */
export function redisFailureCount(): number {
  return clients.reduce((sum, client) => sum + client.failures, 0)
}

/** Each client's health (copies). */
export function redisClientHealth(): RedisClientHealth[] {
  return clients.map((client) => ({ ...client }))
}
