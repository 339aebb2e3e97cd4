import { firstDayOf, insightsQueriesPerDay, insightsRetentionDays, utcDay } from "../insights-settings"

describe("search insights settings", () => {
  it("keeps 90 days and 1000 queries a day by default; 0 is allowed; anything else is refused, naming it", () => {
    expect(insightsRetentionDays({})).toBe(90)
    expect(insightsRetentionDays({ TIENDA_SEARCH_INSIGHTS_DAYS: "30" })).toBe(30)
    expect(insightsRetentionDays({ TIENDA_SEARCH_INSIGHTS_DAYS: "0" })).toBe(0)
    expect(insightsRetentionDays({ TIENDA_SEARCH_INSIGHTS_DAYS: " " })).toBe(90)
    for (const bad of ["-1", "7.5", "30d"]) {
      expect(() => insightsRetentionDays({ TIENDA_SEARCH_INSIGHTS_DAYS: bad })).toThrow(
        `TIENDA_SEARCH_INSIGHTS_DAYS must be a whole number of days (0 or more) (got "${bad}")`
      )
    }
    expect(insightsQueriesPerDay({})).toBe(1000)
    expect(insightsQueriesPerDay({ TIENDA_SEARCH_INSIGHTS_QUERIES_PER_DAY: "5" })).toBe(5)
    expect(() => insightsQueriesPerDay({ TIENDA_SEARCH_INSIGHTS_QUERIES_PER_DAY: "lots" })).toThrow(/got "lots"/)
  })

  it("counts days in UTC: a window of n days is today and the n - 1 days before; 0 days starts tomorrow", () => {
    const now = new Date("2026-12-05T23:30:00-05:00") // already 6 December in UTC
    expect(utcDay(now).toISOString()).toBe("2026-12-06T00:00:00.000Z")
    expect(firstDayOf(1, now).toISOString()).toBe("2026-12-06T00:00:00.000Z")
    expect(firstDayOf(7, now).toISOString()).toBe("2026-11-30T00:00:00.000Z")
    expect(firstDayOf(90, now).toISOString()).toBe("2026-09-08T00:00:00.000Z")
    expect(firstDayOf(0, now).toISOString()).toBe("2026-12-07T00:00:00.000Z")
  })
})
