import Redis from "ioredis"
import { RedisStore } from "../store"

/** A database of its own on the Redis every machine of the project runs; the test fails loudly without it. */
const URL = "redis://127.0.0.1:6379/14"

describe("catalog cache in Redis: generations", () => {
  let redis: Redis

  beforeAll(async () => {
    redis = new Redis(URL, { maxRetriesPerRequest: 1, lazyConnect: true })
    await redis.connect().catch((error) => {
      throw new Error(`Redis must answer on ${URL} for this test (start redis-server): ${error.message}`)
    })
  })
  beforeEach(() => redis.flushdb())
  afterAll(async () => {
    await redis.flushdb()
    redis.disconnect()
  })

  it("never come back to a value already used when Redis loses them", async () => {
    const store = new RedisStore(redis)
    const first = await store.generations()
    expect(first.catalog).toBeGreaterThan(1_000_000)
    expect(await store.generations()).toEqual(first)
    await store.bump(["catalog"])
    await store.bump(["inventory"])
    const bumped = await store.generations()
    expect(bumped).toEqual({ catalog: first.catalog + 1, inventory: first.inventory + 1, stockEpoch: first.stockEpoch + 1 })

    // Lost (a restart without persistence), and written before anyone reads them: still new values.
    await redis.flushdb()
    await new Promise((resolve) => setTimeout(resolve, 2))
    await store.bump(["catalog"])
    await store.bumpProductStock(["prod_1"])
    const after = await store.generations()
    expect(after.catalog).toBeGreaterThan(bumped.catalog + 1)
    expect(after.inventory).toBeGreaterThan(bumped.inventory + 1)
    expect(after.stockEpoch).toBeGreaterThan(bumped.stockEpoch + 1)
    expect(await store.productStockVersions(["prod_1", "prod_2"])).toEqual([1, 0])
  })
})
