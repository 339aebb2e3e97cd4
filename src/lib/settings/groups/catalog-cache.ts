import { optional, setting } from "../define"
import { positiveInteger, wholeNumber } from "../types/numbers"
import { onOff } from "../types/switches"

/**
 * The store catalog cache and the product-list read model (src/lib/catalog-cache/). `enabled` and
 * `readModelPrebuild` are undefined when unset: src/lib/catalog-cache/settings.ts decides (off under jest; the cache
 * also off without Redis in a process that is one of several).
 */
export const catalogCacheSettings = {
  enabled: optional("TIENDA_CATALOG_CACHE", onOff, "the store catalog response cache"),
  entries: setting("TIENDA_CATALOG_CACHE_ENTRIES", positiveInteger("entries"), 10_000, "in-memory entries at most"),
  megabytes: setting("TIENDA_CATALOG_CACHE_MB", positiveInteger("megabytes"), 64, "in-memory megabytes of answers"),
  ttlSeconds: setting("TIENDA_CATALOG_CACHE_TTL", positiveInteger("seconds"), 3600, "seconds an answer lives in Redis"),
  readModel: setting("TIENDA_READ_MODEL", onOff, true, "product lists from per-product documents (with the cache)"),
  readModelPrebuild: optional("TIENDA_READ_MODEL_PREBUILD", onOff, "build the read model ahead"),
  readModelQuietMs: setting(
    "TIENDA_READ_MODEL_QUIET_MS",
    wholeNumber("milliseconds"),
    5000,
    "quiet time after a change before a prebuild"
  ),
  readModelFast: setting("TIENDA_READ_MODEL_FAST", onOff, true, "answer known product lists before Medusa"),
  readModelIds: setting("TIENDA_READ_MODEL_IDS", positiveInteger("ids"), 200_000, "selection ids kept in memory"),
  readModelEntries: setting("TIENDA_READ_MODEL_ENTRIES", positiveInteger("documents"), 50_000, "documents in memory"),
  readModelMegabytes: setting("TIENDA_READ_MODEL_MB", positiveInteger("megabytes"), 64, "megabytes of documents"),
}
