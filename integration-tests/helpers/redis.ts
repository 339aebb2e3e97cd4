import Redis from "ioredis"

/** The Redis the Redis-backed specs need (CI machines run one here). */
export const TEST_REDIS_URL = "redis://127.0.0.1:6379"

/** A connected client, or a failure that says Redis is missing: these specs never pass silently without it. */
export async function connectRedis(url = TEST_REDIS_URL): Promise<Redis> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true })
  try {
    await redis.connect()
    if ((await redis.ping()) !== "PONG") {
      throw new Error("PING did not answer PONG")
    }
    return redis
  } catch (error) {
    redis.disconnect()
    throw new Error(`Redis must answer on ${url} for this test (start redis-server): ${(error as Error).message}`)
  }
}
