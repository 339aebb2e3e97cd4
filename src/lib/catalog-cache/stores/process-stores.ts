import type Redis from "ioredis"
import { createRedisClient } from "../../redis"
import { catalogCacheSettings } from "../settings"
import { MemoryStore } from "./memory-store"
import { RedisStore } from "./redis-store"
import type { BodyStore, CatalogCacheStore } from "./store-types"

let redis: Redis | undefined
let store: CatalogCacheStore | undefined
let documents: BodyStore | undefined

/**
 * One client for both stores, made on first use. A command fails after a second at most (or one reconnect
 * attempt): the request is then answered without the cache, by Medusa.
 */
function redisClient(url: string): Redis {
  redis ??= createRedisClient(url, { name: "catalog cache", maxRetriesPerRequest: 1, commandTimeout: 1_000 })
  return redis
}

/** The process's store of answers and generations, chosen once from REDIS_URL. */
export function catalogCacheStore(): CatalogCacheStore {
  if (!store) {
    const url = catalogCacheSettings().redisUrl
    store = url ? new RedisStore(redisClient(url)) : new MemoryStore()
  }
  return store
}

/**
 * The product documents of the read model: Redis when REDIS_URL is set, otherwise memory with its own bounds, so
 * that documents never push whole cached answers out.
 */
export function productDocumentStore(): BodyStore {
  if (!documents) {
    const { redisUrl, readModel } = catalogCacheSettings()
    documents = redisUrl
      ? new RedisStore(redisClient(redisUrl), "tienda:product-doc:v2:")
      : new MemoryStore(readModel.entries, readModel.bytes)
  }
  return documents
}
