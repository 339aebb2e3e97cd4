import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { SearchQueryLog } from "./models/search-query"
import { SearchSynonymGroup } from "./models/synonym-group"

export interface QueryStat {
  query: string
  searches: number
  last_result_count: number
  last_searched_at: string
}

type Manager = { execute(sql: string, params?: unknown[]): Promise<Array<Record<string, unknown>>> }

/** Synonym groups and the query log behind search insights (see src/search/README.md). */
export default class SearchTuningModuleService extends MedusaService({ SearchSynonymGroup, SearchQueryLog }) {
  /** Every synonym group's terms; read on each storefront search so an admin edit applies to the next query. */
  async synonymTerms(): Promise<string[][]> {
    const groups = await this.listSearchSynonymGroups({}, { select: ["terms"], take: null as any })
    return groups.map((group) => (Array.isArray(group.terms) ? (group.terms as unknown as string[]) : []))
  }

  /**
   * The most frequent queries of the last `days` days, each with how often it was searched and what its latest
   * search found; `zeroResults` keeps only queries whose latest search found nothing.
   */
  @InjectManager()
  async queryStats(
    input: { days: number; limit: number; zeroResults: boolean },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<QueryStat[]> {
    const manager = (sharedContext as { manager?: Manager }).manager!
    const rows = await manager.execute(
      `SELECT query, searches, last_result_count, last_searched_at FROM (
         SELECT query,
                COUNT(*)::int AS searches,
                (ARRAY_AGG(result_count ORDER BY created_at DESC))[1]::int AS last_result_count,
                MAX(created_at) AS last_searched_at
         FROM search_query_log
         WHERE deleted_at IS NULL AND created_at >= now() - make_interval(days => ?)
         GROUP BY query
       ) stats
       ${input.zeroResults ? "WHERE last_result_count = 0" : ""}
       ORDER BY searches DESC, last_searched_at DESC, query ASC
       LIMIT ?`,
      [input.days, input.limit]
    )
    return rows.map((row) => ({
      query: String(row.query),
      searches: Number(row.searches),
      last_result_count: Number(row.last_result_count),
      last_searched_at: new Date(row.last_searched_at as string).toISOString(),
    }))
  }
}
