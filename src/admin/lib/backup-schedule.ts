const HOUR = 3_600_000

/**
 * When the next scheduled backup is due (the worker checks hourly whether `interval` hours passed since the newest
 * backup: none yet, or a time passed, means at its next check), and whether the newest is overdue: none at all, or
 * older than twice the interval.
 */
export function backupSchedule(newestAt: string | undefined, intervalHours: number, now = Date.now()) {
  const newest = newestAt === undefined ? undefined : Date.parse(newestAt)
  const off = intervalHours === 0
  return {
    off,
    dueAt: off || newest === undefined ? undefined : new Date(newest + intervalHours * HOUR),
    stale: newest === undefined || (!off && now - newest > 2 * intervalHours * HOUR),
  }
}
