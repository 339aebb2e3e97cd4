/** The plugin's package name: how Medusa's config lists it (`plugins: [{ resolve }]`). */
export const PLUGIN_NAME = "@tienda/payment-offline"

/** Provider identifiers; registered with id "offline" they become `pp_bank-transfer_offline` and so on. */
export const BANK_TRANSFER = "bank-transfer"
export const CASH_ON_DELIVERY = "cash-on-delivery"
export const DEFAULT_PROVIDER_ID = "offline"

export type OfflineMethod = typeof BANK_TRANSFER | typeof CASH_ON_DELIVERY

/** `pp_<identifier>_<id>` → the offline method, or undefined for any other provider. */
export function offlineMethodOf(providerId: string | undefined | null): OfflineMethod | undefined {
  const match = /^pp_(bank-transfer|cash-on-delivery)_/.exec(providerId ?? "")
  return match ? (match[1] as OfflineMethod) : undefined
}

/** Marks the cash-on-delivery fee line item in a cart, so it can be found and removed again. */
export const COD_FEE_METADATA_KEY = "tienda_offline_fee"
