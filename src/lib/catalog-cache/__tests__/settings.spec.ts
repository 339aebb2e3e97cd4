import { catalogCacheSettings } from "../settings"

describe("catalog cache switch", () => {
  const withEnv = (env: Record<string, string>) => catalogCacheSettings({ NODE_ENV: "production", ...env }).enabled

  it("is on for a single process, in memory or with Redis", () => {
    expect(withEnv({})).toBe(true)
    expect(withEnv({ REDIS_URL: "redis://localhost:6379", MEDUSA_WORKER_MODE: "server" })).toBe(true)
  })

  it("is off for one of several processes without Redis, under jest, or when switched off", () => {
    expect(withEnv({ MEDUSA_WORKER_MODE: "server" })).toBe(false)
    expect(withEnv({ NODE_ENV: "test" })).toBe(false)
    expect(withEnv({ TIENDA_CATALOG_CACHE: "off" })).toBe(false)
    expect(withEnv({ NODE_ENV: "test", TIENDA_CATALOG_CACHE: "on" })).toBe(true)
  })

  it("keeps today's defaults and rules for the bounds, the read model, the fast path and the prebuild", () => {
    const settings = (env: Record<string, string>) => catalogCacheSettings({ NODE_ENV: "production", ...env })
    expect(settings({})).toEqual({
      enabled: true,
      redisUrl: undefined,
      entries: 10_000,
      bytes: 64 * 1024 * 1024,
      ttlSeconds: 3600,
      readModel: {
        enabled: true,
        fastPath: true,
        maxIds: 200_000,
        entries: 50_000,
        bytes: 64 * 1024 * 1024,
        prebuild: true,
        quietMs: 5_000,
      },
    })
    expect(settings({ TIENDA_CATALOG_CACHE_MB: "8", TIENDA_READ_MODEL_MB: "2" })).toMatchObject({
      bytes: 8 * 1024 * 1024,
      readModel: { bytes: 2 * 1024 * 1024 },
    })
    expect(settings({ TIENDA_READ_MODEL_QUIET_MS: "0" }).readModel.quietMs).toBe(0)
    expect(settings({ TIENDA_READ_MODEL: "off" }).readModel).toMatchObject({ enabled: false, fastPath: false })
    expect(settings({ TIENDA_CATALOG_CACHE: "off" }).readModel).toMatchObject({ enabled: false, prebuild: true })
    expect(settings({ NODE_ENV: "test" }).readModel.prebuild).toBe(false)
    expect(settings({ NODE_ENV: "test", TIENDA_READ_MODEL_PREBUILD: "on" }).readModel.prebuild).toBe(true)
    expect(settings({ REDIS_URL: "" }).redisUrl).toBeUndefined()
  })

  it("refuses a malformed value, naming the variable, instead of falling back to the default", () => {
    expect(() => catalogCacheSettings({ TIENDA_CATALOG_CACHE_ENTRIES: "-1", TIENDA_CATALOG_CACHE_MB: "64MB" })).toThrow(
      /TIENDA_CATALOG_CACHE_ENTRIES[\s\S]*TIENDA_CATALOG_CACHE_MB must be a whole number of megabytes/
    )
  })

  it("gives the same object to every request until the settings change", () => {
    expect(catalogCacheSettings()).toBe(catalogCacheSettings())
  })
})
