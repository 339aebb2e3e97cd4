import { EventEmitter } from "node:events"
import { applyErrorPolicy, reconnectDelayMs } from "../error-policy"
import { createRedisClient } from "../create-redis-client"
import { redisClientHealth, redisFailureCount } from "../redis-health"

function fakeLogger() {
  return { warn: jest.fn(), info: jest.fn() }
}

describe("Redis error policy", () => {
  it("logs an outage once, however many failures, and once when the client is ready again", () => {
    const client = new EventEmitter()
    const logger = fakeLogger()
    const before = redisFailureCount()
    const health = applyErrorPolicy(client, "test client", logger)
    client.emit("ready")
    for (let attempt = 0; attempt < 5; attempt++) {
      client.emit("error", new Error("connect ECONNREFUSED"))
    }
    expect(logger.warn).toHaveBeenCalledTimes(1)
    expect(logger.warn.mock.calls[0][0]).toContain("test client")
    expect(logger.info).not.toHaveBeenCalled()
    client.emit("ready")
    expect(logger.info).toHaveBeenCalledTimes(1)
    client.emit("error", new Error("again"))
    expect(logger.warn).toHaveBeenCalledTimes(2)
    expect(health).toMatchObject({ failures: 6, outages: 2, down: true })
    expect(redisFailureCount() - before).toBe(6)
    expect(redisClientHealth().find((client) => client.name === "test client")).toMatchObject({ failures: 6 })
  })

  it("backs off, up to 5 s between attempts", () => {
    expect([1, 2, 10, 1000].map(reconnectDelayMs)).toEqual([200, 400, 2000, 5000])
  })

  it("gives every client an error listener: a closed port is an outage logged once, not an unhandled error", async () => {
    const logger = fakeLogger()
    // Port 1 is closed on any machine that runs these tests: every connection attempt is refused.
    const client = createRedisClient("redis://127.0.0.1:1", { name: "closed port", logger, maxRetriesPerRequest: 0 })
    try {
      await expect(client.get("key")).rejects.toThrow()
      await new Promise((resolve) => setTimeout(resolve, 700))
      const health = redisClientHealth().find((entry) => entry.name === "closed port")
      expect(health?.failures).toBeGreaterThanOrEqual(2)
      expect(logger.warn).toHaveBeenCalledTimes(1)
    } finally {
      client.disconnect()
      // Let the refused socket finish closing before jest moves on.
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  })
})
