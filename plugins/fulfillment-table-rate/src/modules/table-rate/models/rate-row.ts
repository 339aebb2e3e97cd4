import { model } from "@medusajs/framework/utils"
import { RateTable } from "./rate-table"

/** One row: [min_weight, max_weight) grams × [min_subtotal, max_subtotal) minor units → price, for one currency. */
export const RateRow = model.define("table_rate_row", {
  id: model.id({ prefix: "trrow" }).primaryKey(),
  /** 1-based position in the table, as the merchant entered it. */
  position: model.number(),
  currency_code: model.text(),
  min_weight: model.number(),
  max_weight: model.number().nullable(),
  min_subtotal: model.number(),
  max_subtotal: model.number().nullable(),
  price: model.number(),
  table: model.belongsTo(() => RateTable, { mappedBy: "rows" }),
})
