import Redis from "ioredis"

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

function setting(name: string, fallback: number): number {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? value : fallback
}

export class MemoryStore implements CatalogCacheStore {
  private readonly entries = new Map<string, Buffer>()
  private bytes = 0
  private readonly current: Generations = { catalog: 0, inventory: 0, stockEpoch: 0 }
  /** One small number per product that was ever sold or restocked: bounded by the catalog. */
  private readonly stockVersions = new Map<string, number>()

  constructor(
    private readonly maxEntries = setting("TIENDA_CATALOG_CACHE_ENTRIES", 10_000),
    private readonly maxBytes = setting("TIENDA_CATALOG_CACHE_MB", 64) * 1024 * 1024
  ) {}

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
    const body = this.entries.get(key)
    if (body !== undefined) {
      // Most recently used last.
      this.entries.delete(key)
      this.entries.set(key, body)
    }
    return body
  }

  async set(key: string, body: Buffer) {
    if (body.length > this.maxBytes) {
      return
    }
    // A small Buffer is often a view of a larger one (Node's 8 KB pool, zlib's 16 KB output chunk): keeping the view
    // would keep the whole backing memory, which the byte budget does not see. Keep an exact-size copy instead.
    if (body.byteLength !== body.buffer.byteLength) {
      const exact = Buffer.allocUnsafeSlow(body.length)
      body.copy(exact)
      body = exact
    }
    const old = this.entries.get(key)
    if (old !== undefined) {
      this.bytes -= old.length
      this.entries.delete(key)
    }
    this.entries.set(key, body)
    this.bytes += body.length
    for (const [oldest, value] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) {
        break
      }
      this.entries.delete(oldest)
      this.bytes -= value.length
    }
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

const PREFIX = "tienda:catalog-cache:"
const GENERATIONS = ["catalog", "inventory", "stockEpoch"] as const

export class RedisStore implements CatalogCacheStore {
  private readonly ttlSeconds = setting("TIENDA_CATALOG_CACHE_TTL", 3600)

  constructor(
    private readonly redis: Redis,
    private readonly prefix = PREFIX
  ) {}

  /**
   * Generations start from a number of this moment (milliseconds × 1000), not from 0: when Redis loses them (a
   * restart without persistence, a flush), they must not come back to a value this or another server process has
   * already used, whose id lists and rendering keys it keeps in memory. Each write sets a missing one first.
   */
  private startMissing(batch: ReturnType<Redis["multi"]>, keys: string[]): void {
    const start = Date.now() * 1000
    for (const key of keys) {
      batch.set(key, start, "NX")
    }
  }

  async generations() {
    const keys = GENERATIONS.map((generation) => `${PREFIX}gen:${generation}`)
    let values = await this.redis.mget(...keys)
    if (values.some((value) => value === null)) {
      const batch = this.redis.multi()
      this.startMissing(batch, keys)
      batch.mget(...keys)
      const results = (await batch.exec()) ?? []
      values = results[results.length - 1]?.[1] as Array<string | null>
    }
    const [catalog, inventory, stockEpoch] = values.map((value) => Number(value ?? 0))
    return { catalog, inventory, stockEpoch }
  }

  async bump(generations: Generation[]) {
    const names = new Set(generations.flatMap((generation) => (generation === "inventory" ? ["inventory", "stockEpoch"] : [generation])))
    const keys = [...names].map((name) => `${PREFIX}gen:${name}`)
    const batch = this.redis.multi()
    this.startMissing(batch, keys)
    for (const key of keys) {
      batch.incr(key)
    }
    await batch.exec()
  }

  async bumpProductStock(productIds: string[]) {
    const batch = this.redis.multi()
    this.startMissing(batch, [`${PREFIX}gen:inventory`])
    for (const id of new Set(productIds)) {
      batch.hincrby(`${PREFIX}stock-versions`, id, 1)
    }
    batch.incr(`${PREFIX}gen:inventory`)
    await batch.exec()
  }

  async productStockVersions(productIds: string[]) {
    if (!productIds.length) {
      return []
    }
    return (await this.redis.hmget(`${PREFIX}stock-versions`, ...productIds)).map((version) => Number(version ?? 0))
  }

  async get(key: string) {
    return (await this.redis.getBuffer(`${this.prefix}${key}`)) ?? undefined
  }

  async set(key: string, body: Buffer) {
    await this.redis.set(`${this.prefix}${key}`, body, "EX", this.ttlSeconds)
  }

  async getMany(keys: string[]) {
    if (!keys.length) {
      return []
    }
    return (await this.redis.mgetBuffer(keys.map((key) => `${this.prefix}${key}`))).map((body) => body ?? undefined)
  }

  async setMany(entries: Array<[string, Buffer]>) {
    const batch = this.redis.multi()
    for (const [key, body] of entries) {
      batch.set(`${this.prefix}${key}`, body, "EX", this.ttlSeconds)
    }
    await batch.exec()
  }
}

let redis: Redis | undefined
let store: CatalogCacheStore | undefined
let documents: BodyStore | undefined

function redisClient(url: string): Redis {
  redis ??= new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 1_000 })
  return redis
}

/** The process's store, chosen once from REDIS_URL. */
export function catalogCacheStore(): CatalogCacheStore {
  if (!store) {
    const url = process.env.REDIS_URL
    store = url ? new RedisStore(redisClient(url)) : new MemoryStore()
  }
  return store
}

/**
 * The product documents of the product-list read model (see product-list-read-model.ts): Redis when REDIS_URL is
 * set, otherwise memory with its own bounds, so that documents never push whole cached answers out.
 */
export function productDocumentStore(): BodyStore {
  if (!documents) {
    const url = process.env.REDIS_URL
    documents = url
      ? new RedisStore(redisClient(url), "tienda:product-doc:v2:")
      : new MemoryStore(setting("TIENDA_READ_MODEL_ENTRIES", 50_000), setting("TIENDA_READ_MODEL_MB", 64) * 1024 * 1024)
  }
  return documents
}
