import type Redis from "ioredis"
import { catalogCacheSettings } from "../settings"
import type { CatalogCacheStore, Generation } from "./store-types"

const PREFIX = "tienda:catalog-cache:"
const GENERATIONS = ["catalog", "inventory", "stockEpoch"] as const

/** The store shared by every process through Redis (see store-types.ts). */
export class RedisStore implements CatalogCacheStore {
  private readonly ttlSeconds = catalogCacheSettings().ttlSeconds

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
    const names = new Set(
      generations.flatMap((generation) => (generation === "inventory" ? ["inventory", "stockEpoch"] : [generation]))
    )
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
