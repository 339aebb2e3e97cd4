import { backupSchedule } from "../backup-schedule"

const NOW = Date.parse("2026-12-06T12:00:00.000Z")
const hoursAgo = (hours: number) => new Date(NOW - hours * 3_600_000).toISOString()

describe("backupSchedule", () => {
  it("is due one interval after the newest backup, and fine up to twice the interval", () => {
    expect(backupSchedule(hoursAgo(3), 24, NOW)).toEqual({
      off: false,
      dueAt: new Date("2026-12-07T09:00:00.000Z"),
      stale: false,
    })
    expect(backupSchedule(hoursAgo(48), 24, NOW).stale).toBe(false)
  })

  it("warns when the newest backup is older than twice the interval, or there is none", () => {
    expect(backupSchedule(hoursAgo(49), 24, NOW)).toMatchObject({ stale: true, dueAt: new Date(NOW - 25 * 3_600_000) })
    expect(backupSchedule(undefined, 24, NOW)).toEqual({ off: false, dueAt: undefined, stale: true })
  })

  it("has no due time when scheduled backups are off, and warns only when there is no backup", () => {
    expect(backupSchedule(hoursAgo(24 * 30), 0, NOW)).toEqual({ off: true, dueAt: undefined, stale: false })
    expect(backupSchedule(undefined, 0, NOW).stale).toBe(true)
  })
})
