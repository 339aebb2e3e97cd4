import { integrationTestRunner } from "../helpers/test-runner"
import { Modules } from "@medusajs/framework/utils"

jest.setTimeout(120_000)

/**
 * The Locking Module as Tienda configures it without Redis: Tienda's strict PostgreSQL provider. Medusa's own
 * `locking-postgres` let two racing owner-less callers both "acquire" a key, which turned 20 parallel completes of
 * one cart into two orders.
 */
integrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ getContainer }) => {
    const locking = () => getContainer().resolve(Modules.LOCKING)
    const outcome = (attempt: Promise<unknown>) =>
      attempt.then(
        () => "held",
        (error: Error) => error.message
      )

    it("gives a key to exactly one of 20 anonymous callers racing for it, and to the next after release", async () => {
      const key = `race-${Date.now()}`
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, () => outcome(locking().acquire(key, { expire: 60 })))
      )
      expect(outcomes.filter((o) => o === "held")).toHaveLength(1)
      expect(outcomes.filter((o) => o !== "held")).toEqual(Array(19).fill(`Failed to acquire lock for key "${key}"`))

      await locking().release(key)
      await expect(locking().acquire(key, { expire: 60 })).resolves.toBeUndefined()
      await expect(outcome(locking().acquire(key))).resolves.toMatch(/Failed to acquire/)
    })

    it("hands over a lock whose lease ran out (a crashed holder) but not one still leased", async () => {
      const key = `lease-${Date.now()}`
      await locking().acquire(key, { expire: 1 })
      await expect(outcome(locking().acquire(key, { expire: 1 }))).resolves.toMatch(/Failed to acquire/)
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      await expect(locking().acquire(key, { expire: 30 })).resolves.toBeUndefined()
      await expect(outcome(locking().acquire(key))).resolves.toMatch(/Failed to acquire/)
    })

    it("lets a named owner re-enter its own lock, never another owner", async () => {
      const key = `owner-${Date.now()}`
      await locking().acquire(key, { ownerId: "worker-a", expire: 30 })
      await expect(locking().acquire(key, { ownerId: "worker-a", expire: 30 })).resolves.toBeUndefined()
      await expect(outcome(locking().acquire(key, { ownerId: "worker-b" }))).resolves.toMatch(/Failed to acquire/)
      await expect(outcome(locking().acquire(key))).resolves.toMatch(/Failed to acquire/)
      expect(await locking().release(key, { ownerId: "worker-b" })).toBe(false)
      await locking().release(key, { ownerId: "worker-a" })
      await expect(locking().acquire(key, { ownerId: "worker-b" })).resolves.toBeUndefined()
    })

    it("gives back the keys of a multi-key acquire that failed part way, so the retry is not blocked by itself", async () => {
      const stamp = Date.now()
      await locking().acquire(`busy-${stamp}`, { expire: 30 })
      await expect(outcome(locking().acquire([`free-${stamp}`, `busy-${stamp}`], { expire: 30 }))).resolves.toMatch(
        /busy/
      )
      await expect(locking().acquire(`free-${stamp}`, { expire: 30 })).resolves.toBeUndefined()
    })
  },
})
