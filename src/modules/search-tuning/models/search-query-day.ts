import { model } from "@medusajs/framework/utils"

/**
 * Search insights, aggregated: one row per redacted query text and UTC day, with how often it was searched that
 * day, how many of those searches found nothing, and what the day's latest search found and when. Nothing about
 * who searched. The row whose query is "" counts the day's searches for queries beyond the daily cap.
 */
export const SearchQueryDay = model
  .define("search_query_day", {
    id: model.id({ prefix: "sqday" }).primaryKey(),
    /** The UTC day, at midnight. */
    day: model.dateTime(),
    query: model.text(),
    searches: model.number().default(0),
    zero_result_searches: model.number().default(0),
    last_result_count: model.number(),
    last_searched_at: model.dateTime(),
  })
  // Not scoped to deleted_at: rows are never soft-deleted, and searches upsert on exactly these two columns.
  .indexes([{ on: ["day", "query"], unique: true, where: null }])
