import { optional, setting } from "../define"
import { TRUST_NOTHING, trustedProxies } from "../types/trusted-proxies"
import { secret } from "../types/text"

/** Whose address a request is for: the proxies believed, and the storefront servers that may name shoppers. */
export const clientAddressSettings = {
  trustedProxies: setting(
    "TIENDA_TRUSTED_PROXIES",
    trustedProxies,
    TRUST_NOTHING,
    "proxies whose X-Forwarded-For is believed"
  ),
  storefrontSecret: optional(
    "TIENDA_STOREFRONT_SECRET",
    secret(32),
    "lets a storefront server name its shopper's address"
  ),
}
