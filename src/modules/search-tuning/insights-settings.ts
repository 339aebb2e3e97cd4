/**
 * The search insights settings, read from the environment on every use (a change applies without a rebuild):
 * - TIENDA_SEARCH_INSIGHTS_DAYS (default 90): days an aggregate is kept; 0 turns insights off and keeps nothing.
 * - TIENDA_SEARCH_INSIGHTS_QUERIES_PER_DAY (default 1000): distinct queries kept per day; searches for further new
 *   queries that day are only counted, together, as "other queries".
 * A value that is not a whole number ≥ 0 is ignored (the default applies) rather than failing searches.
 */
export const DEFAULT_INSIGHTS_DAYS = 90
export const DEFAULT_QUERIES_PER_DAY = 1000

function wholeNumber(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === "") {
    return fallback
  }
  const number = Number(value)
  return Number.isSafeInteger(number) && number >= 0 ? number : fallback
}

export function insightsRetentionDays(env: NodeJS.ProcessEnv = process.env): number {
  return wholeNumber(env.TIENDA_SEARCH_INSIGHTS_DAYS, DEFAULT_INSIGHTS_DAYS)
}

export function insightsQueriesPerDay(env: NodeJS.ProcessEnv = process.env): number {
  return wholeNumber(env.TIENDA_SEARCH_INSIGHTS_QUERIES_PER_DAY, DEFAULT_QUERIES_PER_DAY)
}

const DAY_MS = 24 * 60 * 60 * 1000

/** The UTC day of `moment`, at midnight: the day an insight counts into. */
export function utcDay(moment: Date): Date {
  return new Date(Date.UTC(moment.getUTCFullYear(), moment.getUTCMonth(), moment.getUTCDate()))
}

/**
 * The first day still inside a window of `days` days ending with `now`'s day: 1 is today only, 7 is today and the
 * six days before. Insights of earlier days are outside the window (not shown; deleted once past retention).
 */
export function firstDayOf(days: number, now: Date): Date {
  return new Date(utcDay(now).getTime() - (days - 1) * DAY_MS)
}
