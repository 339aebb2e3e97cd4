import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { setAppEnv } from "./app-env"

export interface InsightRow {
  day: string
  query: string
  searches: number
  zero_result_searches: number
  last_result_count: number
}

/** Every stored search insight, straight from the table (the day as YYYY-MM-DD in UTC), by day and query. */
export async function insightRows(container: MedusaContainer): Promise<InsightRow[]> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  const { rows } = await knex.raw(
    `SELECT to_char(day AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, query, searches, zero_result_searches,
            last_result_count
     FROM search_query_day ORDER BY day, query`
  )
  return rows
}

/** Runs `body` with these environment variables set for the app (setAppEnv: it reads its settings again). */
export async function withEnv<T>(vars: Record<string, string>, body: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]))
  setAppEnv(vars)
  try {
    return await body()
  } finally {
    setAppEnv(before)
  }
}

/** Runs `tasks` with at most `concurrency` at once. */
export async function inParallel<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++
        results[i] = await task(i)
      }
    })
  )
  return results
}
