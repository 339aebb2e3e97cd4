const MAX_DELAY_MS = 30_000

/**
 * Delay before retry `attempt` (0-based): Elasticsearch's Retry-After when it sent one, else `base × 2^attempt`
 * capped at 30 s, jittered to 50–100 % so writers rejected together do not come back together.
 */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  retryAfterMs?: number,
  random: () => number = Math.random
): number {
  if (retryAfterMs !== undefined) {
    return Math.min(retryAfterMs, MAX_DELAY_MS)
  }
  const exponential = Math.min(baseMs * 2 ** attempt, MAX_DELAY_MS)
  return Math.round(exponential * (0.5 + random() * 0.5))
}

/** Retry-After in seconds (the only form Elasticsearch sends) to milliseconds. */
export function parseRetryAfter(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header
  const seconds = Number(value)
  return value !== undefined && value !== "" && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined
}
