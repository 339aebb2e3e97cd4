import { compileRateTable, type CompiledRateTable } from "../../utils/compute-rate"
import type { StoredRateTable } from "../../utils/rate-table-types"

interface Entry {
  version: number | null
  loadedAt: number
  table: Promise<CompiledRateTable | null>
}

/**
 * Compiled rate tables by shipping option, so pricing a cart costs no query once a table is loaded.
 *
 * Invalidation: saving a table bumps its version and writes that version into the shipping option's `data`, which
 * Medusa hands to every `calculatePrice` call; a cached table of another version is reloaded, in every process,
 * at its next quote. The TTL only bounds staleness after edits that bypass the admin API.
 */
export class RateTableCache {
  private readonly entries = new Map<string, Entry>()

  constructor(
    private readonly load: (shippingOptionId: string) => Promise<StoredRateTable | null>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now
  ) {}

  /** The compiled table of a shipping option, reloading it when `expectedVersion` differs or the TTL passed. */
  get(shippingOptionId: string, expectedVersion: number | null): Promise<CompiledRateTable | null> {
    const entry = this.entries.get(shippingOptionId)
    const fresh = entry && this.now() - entry.loadedAt < this.ttlMs
    if (entry && fresh && (expectedVersion === null || entry.version === expectedVersion)) {
      return entry.table
    }
    const table = this.load(shippingOptionId).then((stored) => (stored ? compileRateTable(stored) : null))
    const next: Entry = { version: expectedVersion, loadedAt: this.now(), table }
    this.entries.set(shippingOptionId, next)
    // The version actually loaded wins (a concurrent save may have moved past the expected one); failures are
    // not cached.
    table.then(
      (compiled) => {
        if (this.entries.get(shippingOptionId) === next) {
          next.version = compiled?.version ?? expectedVersion
        }
      },
      () => {
        if (this.entries.get(shippingOptionId) === next) {
          this.entries.delete(shippingOptionId)
        }
      }
    )
    return table
  }

  invalidate(shippingOptionId?: string): void {
    if (shippingOptionId) {
      this.entries.delete(shippingOptionId)
    } else {
      this.entries.clear()
    }
  }
}
