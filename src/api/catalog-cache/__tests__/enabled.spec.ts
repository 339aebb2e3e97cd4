import { catalogCacheEnabled } from "../middleware"

describe("catalog cache switch", () => {
  const saved = { ...process.env }
  afterEach(() => {
    process.env = { ...saved }
  })
  const withEnv = (env: Record<string, string | undefined>) => {
    process.env = { ...saved, NODE_ENV: "production", TIENDA_CATALOG_CACHE: undefined, REDIS_URL: undefined, MEDUSA_WORKER_MODE: undefined, ...env }
    for (const [name, value] of Object.entries(process.env)) if (value === undefined) delete process.env[name]
    return catalogCacheEnabled()
  }

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
})
