import cluster from "node:cluster"
import { settingsOf, type Settings } from "../settings"

/**
 * Every setting of the catalog cache, in the shape its parts use. The variables are declared with the app's other
 * settings (src/lib/settings/groups/catalog-cache.ts); this file only derives the rules that combine them.
 */
export interface CatalogCacheSettings {
  /**
   * The URL cache and everything built on it. TIENDA_CATALOG_CACHE=on|off; by default on, except under jest (the
   * test runner resets the database between tests without any event) and, without Redis, in a process that is one
   * of several (`--cluster`, or MEDUSA_WORKER_MODE other than `shared`): another process's changes would not reach
   * this process's memory.
   */
  enabled: boolean
  /** Where the stores and generations live when set: shared by every process. */
  redisUrl?: string
  /** In-memory bounds of the URL cache, and how long an answer lives in Redis. */
  entries: number
  bytes: number
  ttlSeconds: number
  readModel: {
    /** TIENDA_READ_MODEL=off switches it off; on with the catalog cache. */
    enabled: boolean
    /** The fast path: TIENDA_READ_MODEL_FAST=off switches it off; on with the read model. */
    fastPath: boolean
    /** Ids the fast path keeps of its selections in all (TIENDA_READ_MODEL_IDS). */
    maxIds: number
    /** In-memory bounds of the product documents (TIENDA_READ_MODEL_ENTRIES, TIENDA_READ_MODEL_MB). */
    entries: number
    bytes: number
    /** TIENDA_READ_MODEL_PREBUILD=on|off; on by default except under jest (not tied to the catalog cache's switch). */
    prebuild: boolean
    /** Quiet time before a prebuild (TIENDA_READ_MODEL_QUIET_MS, default 5 s). */
    quietMs: number
  }
}

const MEGABYTE = 1024 * 1024

/** Derived once per settings object: the URL cache and the read model ask on every request. */
const derived = new WeakMap<Settings, CatalogCacheSettings>()

function cacheEnabled({ catalogCache, redis, server }: Settings): boolean {
  if (catalogCache.enabled !== undefined) {
    return catalogCache.enabled
  }
  const alone = !cluster.isWorker && server.workerMode === "shared"
  return server.nodeEnv !== "test" && (Boolean(redis.url) || alone)
}

function derive(all: Settings): CatalogCacheSettings {
  const { catalogCache } = all
  const enabled = cacheEnabled(all)
  const readModel = catalogCache.readModel && enabled
  return {
    enabled,
    redisUrl: all.redis.url || undefined,
    entries: catalogCache.entries,
    bytes: catalogCache.megabytes * MEGABYTE,
    ttlSeconds: catalogCache.ttlSeconds,
    readModel: {
      enabled: readModel,
      fastPath: catalogCache.readModelFast && readModel,
      maxIds: catalogCache.readModelIds,
      entries: catalogCache.readModelEntries,
      bytes: catalogCache.readModelMegabytes * MEGABYTE,
      prebuild: catalogCache.readModelPrebuild ?? all.server.nodeEnv !== "test",
      quietMs: catalogCache.readModelQuietMs,
    },
  }
}

/**
 * The catalog cache's settings, from the app's settings (src/lib/settings: parsed and checked once at boot; a test
 * changes them with setAppEnv) or from an environment of a test's own.
 */
export function catalogCacheSettings(env?: Record<string, string | undefined>): CatalogCacheSettings {
  const all = settingsOf(env)
  let settings = derived.get(all)
  if (!settings) {
    settings = derive(all)
    derived.set(all, settings)
  }
  return settings
}
