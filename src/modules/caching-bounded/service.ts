import { randomUUID } from "node:crypto"
import type Redis from "ioredis"
import type { Logger } from "@medusajs/framework/types"
import { createRedisClient } from "../../lib/redis"
import { LruStore, type ClearRequest } from "./lru-store"

export interface BoundedCachingOptions {
  /** Megabytes of process memory for cached entries (default 32). */
  maxMb?: number
  /** Largest entry kept, in kilobytes (default 32): Medusa's small lookups fit, product lists do not. */
  maxEntryKb?: number
  /** With several server processes: Redis carries every invalidation to all of them. */
  redisUrl?: string
}

const CHANNEL = "tienda:caching:clear"

/**
 * A provider for Medusa's Caching Module that keeps entries in process memory, bounded (least recently used out)
 * and small: what Medusa caches on every store request once its `caching` feature flag is on — the publishable
 * key and its sales channels, the region, the store's default region, a cart's variants and prices — costs a
 * lookup in a Map instead of a query or a Redis round trip. Entries above `maxEntryKb` (whole product lists, which
 * Tienda's read model keeps per product) are not kept, so the cache never grows without bound; Medusa's own memory
 * provider keeps everything until it is full and then only logs a warning per entry.
 *
 * Invalidation is Medusa's: its strategy clears tags when events are emitted, in the emitting process. With
 * `redisUrl` the clear is also published on Redis, and every other process applies it to its own entries.
 */
export class BoundedCachingProvider {
  static identifier = "tienda-bounded"

  private readonly store: LruStore
  private readonly origin = randomUUID()
  private publisher?: Redis
  private subscriber?: Redis
  private readonly logger: Logger

  constructor({ logger }: { logger: Logger }, options: BoundedCachingOptions = {}) {
    this.logger = logger
    this.store = new LruStore({
      maxBytes: (options.maxMb ?? 32) * 1024 * 1024,
      maxEntryBytes: (options.maxEntryKb ?? 32) * 1024,
    })
    if (options.redisUrl) {
      this.listen(options.redisUrl)
    }
  }

  async get({ key, tags }: { key?: string; tags?: string[] }): Promise<unknown> {
    if (key) {
      return this.store.get(key)
    }
    return tags?.length ? this.store.getByTags(tags) : null
  }

  async set({
    key,
    data,
    ttl,
    tags,
    options,
  }: {
    key: string
    data: object
    ttl?: number
    tags?: string[]
    options?: { autoInvalidate?: boolean }
  }): Promise<void> {
    this.store.set(key, data, ttl ?? 3600, tags, options?.autoInvalidate ?? true)
  }

  async clear(request: ClearRequest): Promise<void> {
    this.store.clear(request)
    if (this.publisher) {
      // A lost broadcast would leave other processes stale until the TTL: log it, loudly.
      await this.publisher.publish(CHANNEL, JSON.stringify({ origin: this.origin, request })).catch((error: Error) => {
        this.logger.error(`[caching] could not publish an invalidation to the other processes: ${error.message}`)
      })
    }
  }

  private listen(redisUrl: string): void {
    // The app's error policy (src/lib/redis/): an outage is logged once per client, and again when it ends.
    const logger = this.logger
    this.publisher = createRedisClient(redisUrl, { name: "caching publisher", logger, maxRetriesPerRequest: 1 })
    this.subscriber = createRedisClient(redisUrl, { name: "caching subscriber", logger })
    this.subscriber.subscribe(CHANNEL).catch((error: Error) => {
      this.logger.error(`[caching] could not subscribe to invalidations from other processes: ${error.message}`)
    })
    this.subscriber.on("message", (_channel: string, message: string) => {
      try {
        const { origin, request } = JSON.parse(message) as { origin: string; request: ClearRequest }
        if (origin !== this.origin) {
          this.store.clear(request)
        }
      } catch {
        // Not ours: ignore.
      }
    })
    // While the subscription is down, invalidations from other processes are missed: drop everything on reconnect.
    this.subscriber.on("ready", () => this.store.clear({ tags: ["*"] }))
  }
}
