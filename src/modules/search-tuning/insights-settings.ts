import { settingsOf } from "../../lib/settings"

/**
 * The search insights settings (src/lib/settings/groups/search.ts; a value that is not a whole number ≥ 0 stops
 * the boot):
 * - TIENDA_SEARCH_INSIGHTS_DAYS (default 90): days an aggregate is kept; 0 turns insights off and keeps nothing.
 * - TIENDA_SEARCH_INSIGHTS_QUERIES_PER_DAY (default 1000): distinct queries kept per day; searches for further new
 *   queries that day are only counted, together, as "other queries".
 */
export function insightsRetentionDays(env?: NodeJS.ProcessEnv): number {
  return settingsOf(env).search.insightsDays
}

export function insightsQueriesPerDay(env?: NodeJS.ProcessEnv): number {
  return settingsOf(env).search.insightsQueriesPerDay
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
