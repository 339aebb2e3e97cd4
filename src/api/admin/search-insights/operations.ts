import { z } from "@medusajs/framework/zod"
import { INVALID, UNAUTHENTICATED } from "../../../lib/api-docs/answers"
import type { ApiOperation } from "../../../lib/api-docs/operation"

/** GET /admin/search-insights: a period of 7 or 30 days and how many queries per list. */
export const SearchInsightsQuery = z
  .object({
    days: z.enum(["7", "30"]).default("7").transform(Number).describe("The period, in UTC days, today included"),
    limit: z.coerce.number().int().min(1).max(100).default(20).describe("Queries per list"),
  })
  .strict()

export type SearchInsightsQuery = z.infer<typeof SearchInsightsQuery>

/** Actions that take no input: anything in the body is a client mistake worth a clear 400. */
export const NoBody = z.object({}).strict()

const QueryStat = z.object({
  query: z.string(),
  searches: z.number().int(),
  zero_result_searches: z.number().int(),
  last_result_count: z.number().int(),
  last_searched_at: z.string(),
})

export const searchInsightOperations: ApiOperation[] = [
  {
    method: "GET",
    path: "/admin/search-insights",
    audience: "admin",
    tag: "Search",
    summary: "What shoppers search for",
    description:
      "The most frequent storefront queries, the queries whose latest search found nothing, and the searches counted beyond the daily cap, never beyond the retention period.",
    query: SearchInsightsQuery,
    answers: {
      200: {
        description: "The insights of the period",
        schema: z.object({
          days: z.number().int(),
          retention_days: z.number().int(),
          queries_per_day: z.number().int(),
          top_queries: z.array(QueryStat),
          zero_result_queries: z.array(QueryStat),
          other_queries: z.object({ searches: z.number().int(), zero_result_searches: z.number().int() }),
        }),
      },
      400: INVALID("days other than 7 or 30, limit out of range, or an unknown parameter"),
      401: UNAUTHENTICATED,
    },
    examples: [{ summary: "The last 30 days, top 10", query: { days: "30", limit: "10" } }],
  },
  {
    method: "GET",
    path: "/admin/search-insights/index-status",
    audience: "admin",
    tag: "Search",
    summary: "Documents in the product index next to the published products",
    answers: {
      200: {
        description: "The counts",
        schema: z.object({
          index: z.literal("product"),
          documents: z.number().int(),
          published_products: z.number().int(),
        }),
      },
      401: UNAUTHENTICATED,
    },
    examples: [{ summary: "The counts" }],
  },
  {
    method: "POST",
    path: "/admin/search-insights/purge",
    audience: "admin",
    tag: "Search",
    summary: "Delete every search insight now",
    body: NoBody,
    answers: {
      200: { description: "How many rows were deleted", schema: z.object({ deleted: z.number().int() }) },
      400: INVALID("a body with any field"),
      401: UNAUTHENTICATED,
    },
    examples: [{ summary: "Purge", body: {} }],
  },
]
