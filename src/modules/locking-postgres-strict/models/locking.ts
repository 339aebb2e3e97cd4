import { model } from "@medusajs/framework/utils"

/**
 * Upstream `locking-postgres`'s `locking` table, declared again so that Medusa gives this provider a database
 * manager. The table and its migration stay upstream's (that provider remains registered next to this one).
 */
const Locking = model.define("Locking", {
  id: model.id({ prefix: "lk" }).primaryKey(),
  owner_id: model.text().nullable(),
  expiration: model.dateTime().nullable(),
})

export default Locking
