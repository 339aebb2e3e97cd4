import { decideDelivery, emailKey, isDueForRetry } from "../idempotency"
import { nextAttemptAt } from "../retry-schedule"

describe("retry schedule", () => {
  const now = new Date("2026-12-05T10:00:00Z")

  it("waits the delay of each failed attempt in turn, then gives up", () => {
    const delays = [60, 300, 900]
    expect(nextAttemptAt(1, delays, now)?.toISOString()).toBe("2026-12-05T10:01:00.000Z")
    expect(nextAttemptAt(2, delays, now)?.toISOString()).toBe("2026-12-05T10:05:00.000Z")
    expect(nextAttemptAt(3, delays, now)?.toISOString()).toBe("2026-12-05T10:15:00.000Z")
    expect(nextAttemptAt(4, delays, now)).toBeNull()
  })

  it("with no delays the first failure is final", () => {
    expect(nextAttemptAt(1, [], now)).toBeNull()
  })

  it("a retrying row is due once its time has come; other states never", () => {
    expect(isDueForRetry({ status: "retrying", next_attempt_at: "2026-12-05T09:59:59Z" }, now)).toBe(true)
    expect(isDueForRetry({ status: "retrying", next_attempt_at: "2026-12-05T10:00:01Z" }, now)).toBe(false)
    expect(isDueForRetry({ status: "failed", next_attempt_at: "2026-12-05T09:00:00Z" }, now)).toBe(false)
    expect(isDueForRetry({ status: "sent", next_attempt_at: null }, now)).toBe(false)
  })
})

describe("idempotency", () => {
  const base = { event: "order.placed", subject: "order_1", to: "Ana@Example.com", template: "order-placed" }

  it("the same event, thing, recipient and template give the same key, whatever the address's case", () => {
    expect(emailKey(base)).toBe(emailKey({ ...base, to: "ana@example.com " }))
  })

  it("another order, recipient, template or event gives another key", () => {
    const key = emailKey(base)
    expect(emailKey({ ...base, subject: "order_2" })).not.toBe(key)
    expect(emailKey({ ...base, to: "shop@example.com" })).not.toBe(key)
    expect(emailKey({ ...base, template: "merchant-new-order" })).not.toBe(key)
    expect(emailKey({ ...base, event: "order.canceled" })).not.toBe(key)
  })

  it("never puts the subject (a reset token) in the key", () => {
    expect(emailKey({ ...base, subject: "secret.jwt.token" })).not.toContain("secret")
  })

  it("a key seen before, in any state, is not sent again", () => {
    expect(decideDelivery(null)).toBe("create")
    for (const status of ["pending", "retrying", "sent", "stored", "failed"] as const) {
      expect(decideDelivery({ status })).toBe("skip")
    }
  })
})
