import { model } from "@medusajs/framework/utils"

/** Terms a shopper may use for the same thing ("tee", "t-shirt"): a query for one also finds the others. */
export const SearchSynonymGroup = model.define("search_synonym_group", {
  id: model.id({ prefix: "ssyn" }).primaryKey(),
  /** Normalised terms (lower case, single spaces), at least two, each one word or a phrase. */
  terms: model.json(),
})
