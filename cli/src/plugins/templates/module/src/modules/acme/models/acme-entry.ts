import { model } from "@medusajs/framework/utils"

/** The module's one data model: a labelled quantity. Change the fields, then run `npx medusa plugin:db:generate`. */
export const AcmeEntry = model.define(
  { name: "AcmeEntry", tableName: "acme_entry" },
  {
    id: model.id({ prefix: "acme" }).primaryKey(),
    label: model.text(),
    quantity: model.number().default(0),
  }
)
