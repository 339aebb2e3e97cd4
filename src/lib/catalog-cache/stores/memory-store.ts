import { BoundedMap } from "../../memo/bounded-map"
import { catalogCacheSettings } from "../settings"
import type { CatalogCacheStore, Generation, Generations } from "./store-types"

/** The store of a process without Redis: bodies in a BoundedMap, by count and by bytes (see store-types.ts). */
export class MemoryStore implements CatalogCacheStore {
  private readonly entries: BoundedMap<string, Buffer>
  private readonly current: Generations = { catalog: 0, inventory: 0, stockEpoch: 0 }
  /** One small number per product that was ever sold or restocked: bounded by the catalog. */
  private readonly stockVersions = new Map<string, number>()

  constructor(maxEntries = catalogCacheSettings().entries, maxBytes = catalogCacheSettings().bytes) {
    this.entries = new BoundedMap({ maxEntries, maxWeight: maxBytes, weight: (body) => body.length })
  }

  async generations() {
    return { ...this.current }
  }

  async bump(generations: Generation[]) {
    for (const generation of generations) {
      this.current[generation]++
      if (generation === "inventory") {
        this.current.stockEpoch++
      }
    }
  }

  async bumpProductStock(productIds: string[]) {
    for (const id of new Set(productIds)) {
      this.stockVersions.set(id, (this.stockVersions.get(id) ?? 0) + 1)
    }
    this.current.inventory++
  }

  async productStockVersions(productIds: string[]) {
    return productIds.map((id) => this.stockVersions.get(id) ?? 0)
  }

  async get(key: string) {
    return this.entries.get(key)
  }

  async set(key: string, body: Buffer) {
    // A small Buffer is often a view of a larger one (Node's 8 KB pool, zlib's 16 KB output chunk): keeping the view
    // would keep the whole backing memory, which the byte budget does not see. Keep an exact-size copy instead.
    if (body.byteLength !== body.buffer.byteLength) {
      const exact = Buffer.allocUnsafeSlow(body.length)
      body.copy(exact)
      body = exact
    }
    this.entries.set(key, body)
  }

  async getMany(keys: string[]) {
    return Promise.all(keys.map((key) => this.get(key)))
  }

  async setMany(entries: Array<[string, Buffer]>) {
    for (const [key, body] of entries) {
      await this.set(key, body)
    }
  }

  get size() {
    return this.entries.size
  }
}
