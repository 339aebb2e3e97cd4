import type { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { SearchQueryDay } from "./models/search-query-day"
import { SearchSynonymGroup } from "./models/synonym-group"

export interface QueryStat {
  query: string
  searches: number
  zero_result_searches: number
  last_result_count: number
  last_searched_at: string
}

/** Searches counted beyond the daily cap of distinct queries, without their text. */
export interface OtherQueries {
  searches: number
  zero_result_searches: number
}

/** One storefront search to count: the redacted query text (see insight-query.ts), its UTC day and moment. */
export interface SearchToRecord {
  query: string
  resultCount: number
  day: Date
  at: Date
  queriesPerDay: number
}

/** The `query` of the row that counts a day's searches beyond the cap (a recorded query is never empty). */
export const OTHER_QUERIES = ""

const DAY_MS = 24 * 60 * 60 * 1000

type Manager = { execute(sql: string, params?: unknown[]): Promise<Array<Record<string, unknown>>> }
const managerOf = (context: Context): Manager => (context as { manager?: Manager }).manager!
const transactionOf = (context: Context): Manager => (context as { transactionManager?: Manager }).transactionManager!

/** Synonym groups and the aggregated search insights (see src/search/README.md). */
export default class SearchTuningModuleService extends MedusaService({ SearchSynonymGroup, SearchQueryDay }) {
  /** Every synonym group's terms; read on each storefront search so an admin edit applies to the next query. */
  async synonymTerms(): Promise<string[][]> {
    const groups = await this.listSearchSynonymGroups({}, { select: ["terms"], take: null })
    return groups.map((group) => (Array.isArray(group.terms) ? (group.terms as unknown as string[]) : []))
  }

  /**
   * Counts one search. A query that already has its row that day is one UPDATE; a new one is added under a lock on
   * the day, so at most `queriesPerDay` distinct queries get a row and the others count into the day's OTHER_QUERIES
   * row. Every statement increments in the database, so concurrent searches lose no count.
   */
  @InjectManager()
  async recordSearch(input: SearchToRecord, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const counted = await managerOf(sharedContext).execute(
      `UPDATE search_query_day AS t SET
         searches = t.searches + 1,
         zero_result_searches = t.zero_result_searches + ?,
         last_result_count = CASE WHEN t.last_searched_at <= ? THEN ? ELSE t.last_result_count END,
         last_searched_at = GREATEST(t.last_searched_at, ?),
         updated_at = now()
       WHERE t.day = ? AND t.query = ?
       RETURNING t.id`,
      [input.resultCount === 0 ? 1 : 0, input.at, input.resultCount, input.at, input.day, input.query]
    )
    if (counted.length === 0) {
      await this.recordNewQuery_(input, sharedContext)
    }
  }

  @InjectTransactionManager()
  protected async recordNewQuery_(input: SearchToRecord, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const manager = transactionOf(sharedContext)
    // One writer of new rows per day at a time, so the count of the day's queries below is exact.
    await manager.execute(`SELECT pg_advisory_xact_lock(hashtext('tienda_search_query_day'), ?)`, [
      Math.round(input.day.getTime() / DAY_MS),
    ])
    await manager.execute(
      `INSERT INTO search_query_day AS t
         (id, day, query, searches, zero_result_searches, last_result_count, last_searched_at)
       SELECT ?, ?::timestamptz, CASE
           WHEN EXISTS (SELECT 1 FROM search_query_day WHERE day = ? AND query = ?)
             OR (SELECT count(*) FROM search_query_day WHERE day = ? AND query <> ?) < ? THEN ?
           ELSE ? END,
         1, ?, ?, ?
       ON CONFLICT (day, query) DO UPDATE SET
         searches = t.searches + 1,
         zero_result_searches = t.zero_result_searches + excluded.zero_result_searches,
         last_result_count = CASE WHEN t.last_searched_at <= excluded.last_searched_at
           THEN excluded.last_result_count ELSE t.last_result_count END,
         last_searched_at = GREATEST(t.last_searched_at, excluded.last_searched_at),
         updated_at = now()`,
      [
        generateEntityId(undefined, "sqday"),
        input.day,
        input.day,
        input.query,
        input.day,
        OTHER_QUERIES,
        input.queriesPerDay,
        input.query,
        OTHER_QUERIES,
        input.resultCount === 0 ? 1 : 0,
        input.resultCount,
        input.at,
      ]
    )
  }

  /**
   * The most frequent queries from `since` (a UTC day) on, each with its searches, zero-result searches and what
   * its latest search found; `zeroResults` keeps only queries whose latest search found nothing.
   */
  @InjectManager()
  async queryStats(
    input: { since: Date; limit: number; zeroResults: boolean },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<QueryStat[]> {
    const rows = await managerOf(sharedContext).execute(
      `SELECT query, searches, zero_result_searches, last_result_count, last_searched_at FROM (
         SELECT query,
                SUM(searches) AS searches,
                SUM(zero_result_searches) AS zero_result_searches,
                (ARRAY_AGG(last_result_count ORDER BY last_searched_at DESC))[1] AS last_result_count,
                MAX(last_searched_at) AS last_searched_at
         FROM search_query_day
         WHERE day >= ? AND query <> ?
         GROUP BY query
       ) stats
       ${input.zeroResults ? "WHERE last_result_count = 0" : ""}
       ORDER BY ${input.zeroResults ? "zero_result_searches DESC," : ""} searches DESC, last_searched_at DESC, query
       LIMIT ?`,
      [input.since, OTHER_QUERIES, input.limit]
    )
    return rows.map((row) => ({
      query: String(row.query),
      searches: Number(row.searches),
      zero_result_searches: Number(row.zero_result_searches),
      last_result_count: Number(row.last_result_count),
      last_searched_at: new Date(row.last_searched_at as string).toISOString(),
    }))
  }

  /** The searches counted beyond the daily cap from `since` (a UTC day) on. */
  @InjectManager()
  async otherQueries(input: { since: Date }, @MedusaContext() sharedContext: Context = {}): Promise<OtherQueries> {
    const [row] = await managerOf(sharedContext).execute(
      `SELECT COALESCE(SUM(searches), 0) AS searches, COALESCE(SUM(zero_result_searches), 0) AS zero_result_searches
       FROM search_query_day WHERE day >= ? AND query = ?`,
      [input.since, OTHER_QUERIES]
    )
    return { searches: Number(row.searches), zero_result_searches: Number(row.zero_result_searches) }
  }

  /** Deletes the insights of every day before `firstKeptDay` (all of them when it is in the future). */
  @InjectManager()
  async deleteInsightsBefore(firstKeptDay: Date, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const [row] = await managerOf(sharedContext).execute(
      `WITH gone AS (DELETE FROM search_query_day WHERE day < ? RETURNING 1) SELECT count(*) AS deleted FROM gone`,
      [firstKeptDay]
    )
    return Number(row.deleted)
  }

  /** Deletes every insight (the admin's purge). */
  @InjectManager()
  async purgeInsights(@MedusaContext() sharedContext: Context = {}): Promise<number> {
    const [row] = await managerOf(sharedContext).execute(
      `WITH gone AS (DELETE FROM search_query_day RETURNING 1) SELECT count(*) AS deleted FROM gone`
    )
    return Number(row.deleted)
  }
}
