import { MedusaError } from "@medusajs/framework/utils"
import type { MissingWeightPolicy } from "../../utils/compute-rate"

/** Options of the table-rate fulfillment provider (`options` of its entry in the fulfillment module's providers). */
export interface TableRateProviderOptions {
  /**
   * What an item without a weight (neither on its variant nor on its product) counts for:
   * `"zero"` weighs it 0 g; `"unavailable"` withholds the option from the cart, naming the item.
   * @default "zero"
   */
  missingWeight?: MissingWeightPolicy
  /**
   * Whether the table's prices include tax (Medusa then takes the tax out instead of adding it).
   * @default false
   */
  taxInclusive?: boolean
  /**
   * Upper bound, in seconds, on how long a process keeps a rate table in memory. Edits made through the admin API
   * reach every process at once anyway (they bump the version stored on the shipping option); this only limits
   * staleness after edits made some other way.
   * @default 300
   */
  cacheTtlSeconds?: number
  /**
   * Sender name printed on packing slips.
   * @default "Tienda"
   */
  shopName?: string
}

export const DEFAULT_OPTIONS: Required<TableRateProviderOptions> = {
  missingWeight: "zero",
  taxInclusive: false,
  cacheTtlSeconds: 300,
  shopName: "Tienda",
}

export function resolveOptions(options: TableRateProviderOptions = {}): Required<TableRateProviderOptions> {
  const resolved = { ...DEFAULT_OPTIONS, ...options }
  if (resolved.missingWeight !== "zero" && resolved.missingWeight !== "unavailable") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `table-rate provider: missingWeight must be "zero" or "unavailable" (got ${JSON.stringify(resolved.missingWeight)})`
    )
  }
  if (typeof resolved.cacheTtlSeconds !== "number" || !(resolved.cacheTtlSeconds >= 0)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `table-rate provider: cacheTtlSeconds must be a number of seconds ≥ 0 (got ${JSON.stringify(resolved.cacheTtlSeconds)})`
    )
  }
  if (typeof resolved.taxInclusive !== "boolean") {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `table-rate provider: taxInclusive must be true or false`)
  }
  return resolved
}
