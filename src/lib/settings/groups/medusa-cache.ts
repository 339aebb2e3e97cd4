import { setting } from "../define"
import { positiveNumber } from "../types/numbers"
import { onOff } from "../types/switches"

/** Medusa's Caching Module and its `caching` flag, through src/modules/caching-bounded. */
export const medusaCacheSettings = {
  enabled: setting("TIENDA_MEDUSA_CACHE", onOff, true, "Medusa's Caching Module and its caching feature flag"),
  megabytes: setting("TIENDA_MEDUSA_CACHE_MB", positiveNumber("megabytes"), 32, "process memory for that cache"),
}
