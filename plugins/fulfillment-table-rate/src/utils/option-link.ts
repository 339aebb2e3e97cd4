/**
 * How a shipping option points at its rate table. Medusa gives `calculatePrice` the option's `data` but not its
 * id, so saving a table writes `{ table_rate: { shipping_option_id, version } }` into the option's data; the version
 * doubles as the cache key.
 */

/** The provider's identifier; Medusa stores provider ids as `<identifier>_<id>`. */
export const TABLE_RATE_IDENTIFIER = "table-rate"

export interface OptionLink {
  shipping_option_id: string
  version: number | null
}

export function readOptionLink(optionData: Record<string, unknown> | null | undefined): OptionLink | null {
  const link = optionData?.table_rate as Record<string, unknown> | undefined
  if (!link || typeof link.shipping_option_id !== "string") {
    return null
  }
  return {
    shipping_option_id: link.shipping_option_id,
    version: typeof link.version === "number" ? link.version : null,
  }
}

export function writeOptionLink(
  data: Record<string, unknown> | null | undefined,
  link: OptionLink
): Record<string, unknown> {
  return { ...(data ?? {}), table_rate: { shipping_option_id: link.shipping_option_id, version: link.version } }
}

export function isTableRateProvider(providerId: string | null | undefined): boolean {
  return !!providerId && providerId.startsWith(`${TABLE_RATE_IDENTIFIER}_`)
}
