/**
 * medusa-config.ts is evaluated once per process from the environment; each case loads a fresh copy under its
 * own environment.
 */
const SAVED_ENV = { ...process.env }
const STRONG = "9f2c4b7e1a8d6f3c0b5e2a9d7c4f1e8b6a3d0c7f"

function loadConfig(env: Record<string, string | undefined>): any {
  process.env = { ...SAVED_ENV }
  for (const name of ["NODE_ENV", "TIENDA_LOCAL", "JWT_SECRET", "COOKIE_SECRET", "REDIS_URL", "MEDUSA_WORKER_MODE", "DATABASE_URL", "OFFLINE_COD_FEE", "ELASTICSEARCH_URL", "TIENDA_MEDUSA_CACHE", "TIENDA_MEDUSA_CACHE_MB", "MEDUSA_FF_CACHING"]) {
    delete process.env[name]
  }
  Object.assign(process.env, env)
  let config: any
  jest.isolateModules(() => {
    config = require("../../medusa-config")
  })
  return config
}

function moduleResolves(config: any): string[] {
  return Object.values(config.modules).map((module: any) => module.resolve)
}

function lockingProviders(config: any): string[] {
  return config.modules.locking.options.providers.map((provider: any) => provider.resolve)
}

function defaultLockingProvider(config: any): string {
  return config.modules.locking.options.providers.find((provider: any) => provider.is_default).resolve
}

afterAll(() => {
  process.env = SAVED_ENV
})

describe("medusa-config", () => {
  it("refuses production without secrets, naming the variable and how to make one", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/JWT_SECRET must be set.*missing.*randomBytes/s)
    expect(() => loadConfig({ NODE_ENV: "production", JWT_SECRET: STRONG })).toThrow(/COOKIE_SECRET must be set/)
  })

  it("refuses production with Medusa's default secret or a short one", () => {
    expect(() => loadConfig({ NODE_ENV: "production", JWT_SECRET: "supersecret", COOKIE_SECRET: STRONG })).toThrow(
      /JWT_SECRET.*a default or too short/
    )
    expect(() => loadConfig({ NODE_ENV: "production", JWT_SECRET: STRONG, COOKIE_SECRET: "short-but-random" })).toThrow(
      /COOKIE_SECRET/
    )
  })

  it("uses Secure cookies in production and plain ones for a local `tienda start`", () => {
    const production = loadConfig({ NODE_ENV: "production", JWT_SECRET: STRONG, COOKIE_SECRET: STRONG })
    expect(production.projectConfig.cookieOptions.secure).toBe(true)
    expect(production.projectConfig.http.jwtSecret).toBe(STRONG)

    // `medusa start` forces NODE_ENV=production even on a laptop; tienda start marks local runs.
    const local = loadConfig({ NODE_ENV: "production", TIENDA_LOCAL: "true" })
    expect(local.projectConfig.cookieOptions.secure).toBe(false)
    expect(local.projectConfig.http.jwtSecret).not.toBe("supersecret")
  })

  it("locks through PostgreSQL without Redis, never in-process", () => {
    const config = loadConfig({})
    // Medusa's provider brings the table; Tienda's race-free subclass takes the locks.
    expect(lockingProviders(config)).toEqual(["@medusajs/medusa/locking-postgres", "./src/modules/locking-postgres-strict"])
    expect(defaultLockingProvider(config)).toBe("./src/modules/locking-postgres-strict")
    expect(config.projectConfig.redisUrl).toBeUndefined()
    expect(moduleResolves(config)).not.toContain("@medusajs/medusa/event-bus-redis")
  })

  it("switches Medusa's Redis modules on with REDIS_URL", () => {
    const config = loadConfig({ REDIS_URL: "redis://127.0.0.1:6379" })
    expect(moduleResolves(config)).toEqual(
      expect.arrayContaining([
        "@medusajs/medusa/event-bus-redis",
        "@medusajs/medusa/workflow-engine-redis",
        "@medusajs/medusa/caching",
        "@medusajs/medusa/cache-redis",
      ])
    )
    expect(lockingProviders(config)).toEqual(["@medusajs/medusa/locking-redis"])
    expect(config.modules.caching.options.providers[0].options.redisUrl).toBe("redis://127.0.0.1:6379")
    expect(config.projectConfig.redisUrl).toBe("redis://127.0.0.1:6379")
  })

  it("caches Medusa's own lookups through the bounded provider, shared over Redis when set, unless switched off", () => {
    const local = loadConfig({})
    expect(local.featureFlags.caching).toBe(true)
    expect(local.modules.caching.options.providers).toEqual([
      { resolve: "./src/modules/caching-bounded", id: "bounded", is_default: true, options: { maxMb: 32, redisUrl: undefined } },
    ])
    const shared = loadConfig({ REDIS_URL: "redis://127.0.0.1:6379", TIENDA_MEDUSA_CACHE_MB: "8" })
    expect(shared.modules.caching.options.providers[0].options).toEqual({ maxMb: 8, redisUrl: "redis://127.0.0.1:6379" })

    const off = loadConfig({ TIENDA_MEDUSA_CACHE: "off" })
    expect(off.featureFlags.caching).toBe(false)
    expect(moduleResolves(off)).not.toContain("@medusajs/medusa/caching")
    expect(() => loadConfig({ TIENDA_MEDUSA_CACHE_MB: "lots" })).toThrow(/TIENDA_MEDUSA_CACHE_MB must be a positive number/)
  })

  it("searches on PostgreSQL by default and on Elasticsearch when ELASTICSEARCH_URL is set", () => {
    const embedded = loadConfig({}).modules.search.options
    expect(embedded.default_provider).toBe("search-postgres")
    expect(embedded.providers.map((provider: any) => provider.resolve)).toEqual(["@medusajs/medusa/search-postgres"])

    const elastic = loadConfig({
      ELASTICSEARCH_URL: "https://es.internal:9200",
      ELASTICSEARCH_API_KEY: "key",
      ELASTICSEARCH_TIMEOUT_MS: "1500",
      ELASTICSEARCH_INDEX_PREFIX: "shop_",
    }).modules.search.options
    expect(elastic.default_provider).toBe("elasticsearch")
    expect(elastic.providers.map((provider: any) => provider.id)).toEqual(["postgres", "elasticsearch"])
    expect(elastic.providers[1]).toMatchObject({
      resolve: "@tienda/search-elasticsearch/providers/elasticsearch",
      options: { node: "https://es.internal:9200", apiKey: "key", requestTimeoutMs: 1500, indexPrefix: "shop_" },
    })
  })

  it("refuses a cash-on-delivery fee that is not a currency and a non-negative amount", () => {
    for (const spec of ["eur:", "eur:-1", "eur:abc", "euro:2", "eur"]) {
      expect(() => loadConfig({ OFFLINE_COD_FEE: spec })).toThrow(/OFFLINE_COD_FEE must look like/)
    }
    expect(() => loadConfig({ OFFLINE_COD_FEE: "eur:2.5, usd:3" })).not.toThrow()
  })

  it("takes DATABASE_URL and the worker mode from the environment", () => {
    const worker = loadConfig({ DATABASE_URL: "postgres://db.example.com/shop", MEDUSA_WORKER_MODE: "worker" })
    expect(worker.projectConfig.databaseUrl).toBe("postgres://db.example.com/shop")
    expect(worker.projectConfig.workerMode).toBe("worker")
    expect(worker.admin.disable).toBe(true)
    expect(() => loadConfig({ MEDUSA_WORKER_MODE: "both" })).toThrow(/MEDUSA_WORKER_MODE must be "shared", "worker" or "server" \(got "both"\)/)
  })
})
