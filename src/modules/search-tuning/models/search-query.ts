import { model } from "@medusajs/framework/utils"

/**
 * One storefront search, for the merchant's insights: the normalised query text, how many products it found and
 * when (created_at). Nothing about who searched: no customer, session, address or user agent.
 */
export const SearchQueryLog = model
  .define("search_query_log", {
    id: model.id({ prefix: "sqlog" }).primaryKey(),
    query: model.text(),
    result_count: model.number(),
  })
  .indexes([{ on: ["created_at"] }, { on: ["query"] }])
