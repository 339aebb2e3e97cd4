import { Migration } from "@medusajs/framework/mikro-orm/migrations"
import { generateEntityId } from "@medusajs/framework/utils"
import { insightQuery } from "../insight-query"
import { firstDayOf, insightsQueriesPerDay, insightsRetentionDays } from "../insights-settings"

const OTHER_QUERIES = ""
const PAGE = 5_000

interface DayRow {
  query: string
  searches: number
  zero_result_searches: number
  last_result_count: number
  last_searched_at: Date
}

/**
 * Search insights become one row per query and UTC day (search_query_day) instead of one row per search
 * (search_query_log). The old rows inside the retention period are carried over as the new code would have counted
 * them: redacted, truncated, at most TIENDA_SEARCH_INSIGHTS_QUERIES_PER_DAY distinct queries a day (the rest into
 * "other"). Then the per-search log, with its unredacted text, is dropped. Down gives back an empty log.
 */
export class Migration20261205120000 extends Migration {
  override async up(): Promise<void> {
    await this.execute(
      `create table if not exists "search_query_day" ("id" text not null, "day" timestamptz not null, "query" text not null, "searches" integer not null default 0, "zero_result_searches" integer not null default 0, "last_result_count" integer not null, "last_searched_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "search_query_day_pkey" primary key ("id"));`
    )
    await this.execute(
      `CREATE INDEX IF NOT EXISTS "IDX_search_query_day_deleted_at" ON "search_query_day" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    await this.execute(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_search_query_day_day_query_unique" ON "search_query_day" ("day", "query");`
    )

    const [log] = await this.execute(`select to_regclass('search_query_log') is not null as present;`)
    if (log?.present) {
      await this.carryOverLog()
      this.addSql(`drop table if exists "search_query_log" cascade;`)
    }
  }

  override async down(): Promise<void> {
    this.addSql(
      `create table if not exists "search_query_log" ("id" text not null, "query" text not null, "result_count" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "search_query_log_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_search_query_log_deleted_at" ON "search_query_log" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_search_query_log_created_at" ON "search_query_log" ("created_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_search_query_log_query" ON "search_query_log" ("query") WHERE deleted_at IS NULL;`
    )
    this.addSql(`drop table if exists "search_query_day" cascade;`)
  }

  /** Aggregates the log day by day, most searched queries first, so a day holds at most the cap in memory. */
  private async carryOverLog(): Promise<void> {
    const retention = insightsRetentionDays()
    const cap = insightsQueriesPerDay()
    const since = firstDayOf(retention, new Date())
    const days = await this.execute(
      `select distinct date_trunc('day', created_at at time zone 'UTC') at time zone 'UTC' as day
       from search_query_log where deleted_at is null and created_at >= ? order by day;`,
      [since]
    )
    for (const { day } of days) {
      const start = new Date(day as string)
      const end = new Date(start.getTime() + 24 * 60 * 60 * 1000)
      const kept = new Map<string, DayRow>()
      for (let offset = 0; ; offset += PAGE) {
        const rows = await this.execute(
          `select query, count(*)::int as searches, (count(*) filter (where result_count = 0))::int as zero,
                  (array_agg(result_count order by created_at desc))[1] as last_result_count,
                  max(created_at) as last_searched_at
           from search_query_log where deleted_at is null and created_at >= ? and created_at < ?
           group by query order by count(*) desc, query limit ? offset ?;`,
          [start, end, PAGE, offset]
        )
        for (const row of rows) {
          const text = insightQuery(String(row.query))
          if (!text) {
            continue
          }
          const key = kept.has(text) || kept.size < cap + (kept.has(OTHER_QUERIES) ? 1 : 0) ? text : OTHER_QUERIES
          merge(kept, key, {
            query: key,
            searches: Number(row.searches),
            zero_result_searches: Number(row.zero),
            last_result_count: Number(row.last_result_count),
            last_searched_at: new Date(row.last_searched_at as string),
          })
        }
        if (rows.length < PAGE) {
          break
        }
      }
      await this.insertDay(start, [...kept.values()])
    }
  }

  private async insertDay(day: Date, rows: DayRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      const batch = rows.slice(i, i + 500)
      await this.execute(
        `insert into "search_query_day" ("id", "day", "query", "searches", "zero_result_searches", "last_result_count",
           "last_searched_at") values ${batch.map(() => "(?, ?, ?, ?, ?, ?, ?)").join(", ")};`,
        batch.flatMap((row) => [
          generateEntityId(undefined, "sqday"),
          day,
          row.query,
          row.searches,
          row.zero_result_searches,
          row.last_result_count,
          row.last_searched_at,
        ])
      )
    }
  }
}

function merge(rows: Map<string, DayRow>, key: string, row: DayRow): void {
  const seen = rows.get(key)
  if (!seen) {
    rows.set(key, row)
    return
  }
  seen.searches += row.searches
  seen.zero_result_searches += row.zero_result_searches
  if (row.last_searched_at > seen.last_searched_at) {
    seen.last_result_count = row.last_result_count
    seen.last_searched_at = row.last_searched_at
  }
}
