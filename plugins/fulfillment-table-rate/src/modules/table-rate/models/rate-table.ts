import { model } from "@medusajs/framework/utils"
import { RateRow } from "./rate-row"

/**
 * The rate table of one shipping option. Money is in integer minor units, weights in grams (see
 * `utils/rate-table-types.ts`). `version` grows on every save; the provider caches a table per version.
 */
export const RateTable = model
  .define("table_rate_table", {
    id: model.id({ prefix: "trtab" }).primaryKey(),
    shipping_option_id: model.text(),
    version: model.number().default(1),
    /** Per unit shipped, per currency: `{ "eur": 50 }`. */
    handling_fee: model.json().default({}),
    /** Free shipping from this subtotal on, per currency: `{ "eur": 7500 }`. */
    free_over: model.json().default({}),
    rows: model.hasMany(() => RateRow, { mappedBy: "table" }),
  })
  .indexes([{ on: ["shipping_option_id"], unique: true, where: "deleted_at IS NULL" }])
  .cascades({ delete: ["rows"] })
