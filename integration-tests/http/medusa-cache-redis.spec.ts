import { BoundedCachingProvider } from "../../src/modules/caching-bounded/service"
import { describeWithRedis } from "../helpers/redis"

/**
 * Tienda's provider for Medusa's Caching Module keeps entries in each server process; with REDIS_URL an
 * invalidation made in one process (where Medusa's strategy sees the event) must reach the others. Two providers
 * stand for two processes, on the run's throw-away Redis (NOT RUN, loudly, without one).
 */
describeWithRedis("the bounded caching provider across processes (Redis)", (redis) => {
  const logger = { error: jest.fn(), warn: jest.fn(), info: jest.fn() } as any
  let first: BoundedCachingProvider
  let second: BoundedCachingProvider

  beforeAll(async () => {
    first = new BoundedCachingProvider({ logger }, { redisUrl: redis().url })
    second = new BoundedCachingProvider({ logger }, { redisUrl: redis().url })
    // The second provider's subscription is up once a clear published by the first reaches it.
    await eventually(async () => {
      await second.set({ key: "probe", data: { v: 1 } })
      await first.clear({ key: "probe" })
      await new Promise((resolve) => setTimeout(resolve, 50))
      return (await second.get({ key: "probe" })) === null
    })
  }, 20_000)

  afterAll(() => {
    for (const provider of [first, second] as any[]) {
      provider?.publisher?.disconnect()
      provider?.subscriber?.disconnect()
    }
  })

  it("clears the other process's entries by tag, and only the tagged ones", async () => {
    await second.set({ key: "region-key", data: { id: "reg_1" }, tags: ["Region:reg_1"] })
    await second.set({ key: "store-key", data: { id: "store_1" }, tags: ["Store:store_1"] })
    await first.clear({ tags: ["Region:reg_1"], options: { autoInvalidate: true } })
    await eventually(async () => (await second.get({ key: "region-key" })) === null)
    expect(await second.get({ key: "store-key" })).toEqual({ id: "store_1" })
    expect(logger.error).not.toHaveBeenCalled()
  })

  it("clears everything in the other process with *", async () => {
    await second.set({ key: "a", data: { a: 1 } })
    await first.clear({ tags: ["*"] })
    await eventually(async () => (await second.get({ key: "a" })) === null)
  })
})

async function eventually(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error("the invalidation did not reach the other provider within 5 s")
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
