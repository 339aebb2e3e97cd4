import cluster from "node:cluster"

/**
 * Every setting of the catalog cache, read from the environment on each call (tests and `tienda doctor` change it
 * between calls). The one place the catalog cache reads the environment.
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

type Env = NodeJS.ProcessEnv

/** A positive number, or the fallback for anything else (unset, 0, negative, not a number). */
function positive(env: Env, name: string, fallback: number): number {
  const value = Number(env[name])
  return Number.isFinite(value) && value > 0 ? value : fallback
}

function cacheEnabled(env: Env): boolean {
  const setting = env.TIENDA_CATALOG_CACHE
  if (setting === "on" || setting === "off") {
    return setting === "on"
  }
  const alone = !cluster.isWorker && (env.MEDUSA_WORKER_MODE || "shared") === "shared"
  return env.NODE_ENV !== "test" && (Boolean(env.REDIS_URL) || alone)
}

function quietMs(env: Env): number {
  const value = Number(env.TIENDA_READ_MODEL_QUIET_MS)
  return Number.isFinite(value) && value >= 0 ? value : 5_000
}

export function catalogCacheSettings(env: Env = process.env): CatalogCacheSettings {
  const enabled = cacheEnabled(env)
  const readModel = env.TIENDA_READ_MODEL !== "off" && enabled
  const prebuild = env.TIENDA_READ_MODEL_PREBUILD
  return {
    enabled,
    redisUrl: env.REDIS_URL || undefined,
    entries: positive(env, "TIENDA_CATALOG_CACHE_ENTRIES", 10_000),
    bytes: positive(env, "TIENDA_CATALOG_CACHE_MB", 64) * 1024 * 1024,
    ttlSeconds: positive(env, "TIENDA_CATALOG_CACHE_TTL", 3600),
    readModel: {
      enabled: readModel,
      fastPath: env.TIENDA_READ_MODEL_FAST !== "off" && readModel,
      maxIds: positive(env, "TIENDA_READ_MODEL_IDS", 200_000),
      entries: positive(env, "TIENDA_READ_MODEL_ENTRIES", 50_000),
      bytes: positive(env, "TIENDA_READ_MODEL_MB", 64) * 1024 * 1024,
      prebuild: prebuild === "on" || (prebuild !== "off" && env.NODE_ENV !== "test"),
      quietMs: quietMs(env),
    },
  }
}
