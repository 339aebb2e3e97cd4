import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { RateTableInput, StoredRateTable } from "../../utils/rate-table-types"
import { RateRow } from "./models/rate-row"
import { RateTable } from "./models/rate-table"

/** Rate tables per shipping option. Saving replaces a whole table in one transaction: nothing is half-saved. */
export default class TableRateModuleService extends MedusaService({ RateTable, RateRow }) {
  /** The table of a shipping option in the shape the provider and the admin API use, or null. */
  @InjectManager()
  async getRateTable(
    shippingOptionId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<StoredRateTable | null> {
    const [table] = await this.listRateTables(
      { shipping_option_id: shippingOptionId },
      { relations: ["rows"], take: 1 },
      sharedContext
    )
    return table ? toStored(table) : null
  }

  /** Replaces the table (rows, fees, thresholds) of a shipping option and bumps its version. */
  @InjectTransactionManager()
  async replaceRateTable(
    shippingOptionId: string,
    input: RateTableInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<StoredRateTable> {
    const [existing] = await this.listRateTables({ shipping_option_id: shippingOptionId }, { take: 1 }, sharedContext)
    let tableId: string
    if (existing) {
      tableId = existing.id
      await this.deleteRateRows({ table_id: tableId }, sharedContext)
      await this.updateRateTables(
        {
          id: tableId,
          version: existing.version + 1,
          handling_fee: input.handling_fee ?? {},
          free_over: input.free_over ?? {},
        },
        sharedContext
      )
    } else {
      const created = await this.createRateTables(
        {
          shipping_option_id: shippingOptionId,
          version: 1,
          handling_fee: input.handling_fee ?? {},
          free_over: input.free_over ?? {},
        },
        sharedContext
      )
      tableId = created.id
    }
    await this.createRateRows(
      input.rows.map((row, index) => ({ ...row, position: index + 1, table_id: tableId })),
      sharedContext
    )
    const saved = await this.retrieveRateTable(tableId, { relations: ["rows"] }, sharedContext)
    return toStored(saved)
  }

  /** Removes a shipping option's table; returns whether there was one. */
  @InjectTransactionManager()
  async removeRateTable(shippingOptionId: string, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    const [existing] = await this.listRateTables({ shipping_option_id: shippingOptionId }, { take: 1 }, sharedContext)
    if (!existing) {
      return false
    }
    await this.deleteRateRows({ table_id: existing.id }, sharedContext)
    await this.deleteRateTables(existing.id, sharedContext)
    return true
  }
}

function toStored(table: any): StoredRateTable {
  const rows = [...(table.rows ?? [])].sort((a, b) => a.position - b.position)
  return {
    shipping_option_id: table.shipping_option_id,
    version: table.version,
    handling_fee: table.handling_fee ?? {},
    free_over: table.free_over ?? {},
    rows: rows.map((row) => ({
      currency_code: row.currency_code,
      min_weight: row.min_weight,
      max_weight: row.max_weight,
      min_subtotal: row.min_subtotal,
      max_subtotal: row.max_subtotal,
      price: row.price,
    })),
  }
}
