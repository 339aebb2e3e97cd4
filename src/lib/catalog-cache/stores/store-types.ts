/**
 * Where cached answers and the data generations live: Redis when REDIS_URL is set (shared by every server
 * process and bumped by the worker's subscribers), otherwise this process's memory (a bounded LRU).
 *
 * Invalidation is by generation: every key embeds the generation numbers current when the answer was read, and a
 * change bumps them, so the very next request computes a new key and reads fresh data. Old entries are never read
 * again and age out (LRU in memory, a TTL in Redis).
 *
 * Stock has two levels. `inventory` moves with every stock change and keys whole answers that show stock. The read
 * model's documents are keyed finer: by `stockEpoch`, which moves only with stock changes that were not traced to
 * products (an admin write, an event whose products could not be found), plus each product's own stock version.
 * An order then makes the documents of the products it bought stale, not the documents of the whole catalog.
 */
export type Generation = "catalog" | "inventory"

export interface Generations {
  catalog: number
  /** Every stock change. */
  inventory: number
  /** Stock changes not traced to products. */
  stockEpoch: number
}

/**
 * Bodies by key, as bytes: cached answers are sent as they are (a page of products is ~80 KB; a JS string would
 * be encoded again on every send), and deflated documents are binary.
 */
export interface BodyStore {
  get(key: string): Promise<Buffer | undefined>
  set(key: string, body: Buffer): Promise<void>
  /** Several at once (one round trip to Redis); `undefined` where a key is absent. */
  getMany(keys: string[]): Promise<Array<Buffer | undefined>>
  setMany(entries: Array<[string, Buffer]>): Promise<void>
}

export interface CatalogCacheStore extends BodyStore {
  generations(): Promise<Generations>
  /** Bumping `inventory` here means a stock change of unknown products: it bumps `stockEpoch` too. */
  bump(generations: Generation[]): Promise<void>
  /** A stock change of these products: their stock versions and `inventory`. */
  bumpProductStock(productIds: string[]): Promise<void>
  /** Each product's stock version (0 for a product whose stock never changed). */
  productStockVersions(productIds: string[]): Promise<number[]>
}
