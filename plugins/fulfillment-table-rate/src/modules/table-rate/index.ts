import { Module } from "@medusajs/framework/utils"
import TableRateModuleService from "./service"

/** Container key of the rate-table module (also what the fulfillment module lists in `dependencies`). */
export const TABLE_RATE_MODULE = "tableRate"

export default Module(TABLE_RATE_MODULE, { service: TableRateModuleService })
