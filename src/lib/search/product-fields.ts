import { search } from "@medusajs/framework/utils"
import { settings } from "../settings"

/** Currencies whose lowest price the index keeps (`prices.<code>`): TIENDA_SEARCH_CURRENCIES, default the demo's. */
export function indexedCurrencies(): string[] {
  return [...settings().search.currencies]
}

const price = () =>
  search
    .float()
    .filterable()
    .sortable()
    .facetable({ types: ["range", "stats"] })

/**
 * The product index's fields. Weights rank title above type, categories and subtitle, above the rest.
 * `status` and `sales_channel_ids` are what Medusa's store route narrows a product index by.
 */
export const productSearchFields = search.define({
  /** Sortable as the tie-breaker that keeps pages stable (store-query.ts appends it). */
  id: search.keyword().filterable().sortable(),
  title: search.text().searchable({ weight: 3 }),
  subtitle: search.text().searchable({ weight: 2 }),
  description: search.text().searchable(),
  handle: search.keyword().filterable(),
  thumbnail: search.keyword(),
  status: search.keyword().filterable(),
  created_at: search.date().filterable().sortable(),
  type: search.keyword().searchable({ weight: 2 }).filterable().facetable(),
  collection_id: search.keyword().filterable().facetable(),
  collection: search.keyword().searchable().filterable().facetable(),
  tags: search.keyword().array().searchable().filterable().facetable(),
  category_ids: search.keyword().array().filterable().facetable(),
  categories: search.keyword().array().searchable({ weight: 2 }).filterable().facetable(),
  skus: search.keyword().array().searchable().filterable(),
  option_values: search.keyword().array().searchable(),
  options: search.keyword().array().filterable().facetable(),
  prices: search.object(Object.fromEntries(indexedCurrencies().map((code) => [code, price()]))),
  sales_channel_ids: search.keyword().array().filterable(),
  in_stock_sales_channel_ids: search.keyword().array().filterable().facetable(),
  /** Compound words written together ("tshirt"), for typo matching only. */
  keywords: search.text().searchable().retrievable(false),
})
