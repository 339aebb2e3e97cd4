import { catalogCacheSettings } from "./settings"
import { catalogCacheStore } from "./stores/process-stores"

/**
 * The catalog generation, for memos outside the cache that must start afresh on any catalog change (search
 * tuning). Undefined where the catalog cache is off: there the generation does not see every change. Rejects when
 * the store is unreachable.
 */
export async function catalogGeneration(): Promise<number | undefined> {
  if (!catalogCacheSettings().enabled) {
    return undefined
  }
  return (await catalogCacheStore().generations()).catalog
}
