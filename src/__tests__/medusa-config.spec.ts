import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { randomBytes } from "node:crypto"
import { ensureInstallSecrets } from "../lib/secrets/install-secrets"
import { PUBLISHED_SECRETS } from "../lib/secrets/secret-strength"
import { loadModuleProvider } from "@medusajs/framework/modules-sdk"
import smtpProvider from "../../plugins/notification-smtp/src/providers/smtp"

/**
 * medusa-config.ts is evaluated once per process from the environment; each case loads a fresh copy under its
 * own environment, with a state folder of its own unless the case names one.
 */
const SAVED_ENV = { ...process.env }
// Made per run: a fixed value here would be one more secret published in the repository.
const STRONG = randomBytes(24).toString("hex")
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "tienda-config-spec-"))
let stateDirs = 0
const freshStateDir = () => path.join(scratch, `state-${++stateDirs}`)

function loadConfig(env: Record<string, string | undefined>): any {
  process.env = { ...SAVED_ENV }
  for (const name of [
    "NODE_ENV",
    "TIENDA_LOCAL",
    "TIENDA_STATE_DIR",
    "JWT_SECRET",
    "COOKIE_SECRET",
    "REDIS_URL",
    "MEDUSA_WORKER_MODE",
    "DATABASE_URL",
    "OFFLINE_COD_FEE",
    "ELASTICSEARCH_URL",
    "TIENDA_MEDUSA_CACHE",
    "TIENDA_MEDUSA_CACHE_MB",
    "MEDUSA_FF_CACHING",
    "SMTP_URL",
    "SMTP_HOST",
    "SMTP_FROM",
  ]) {
    delete process.env[name]
  }
  Object.assign(process.env, { NODE_ENV: "development", TIENDA_STATE_DIR: freshStateDir() }, env)
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) {
      delete process.env[name]
    }
  }
  let config: any
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy of the config per environment
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
  fs.rmSync(scratch, { recursive: true, force: true })
})

describe("medusa-config", () => {
  it("refuses every NODE_ENV but development and test without secrets in the env or the state folder", () => {
    for (const nodeEnv of ["production", "staging", "prod", undefined]) {
      expect(() => loadConfig({ NODE_ENV: nodeEnv })).toThrow(
        /JWT_SECRET and COOKIE_SECRET must be set.*production rules.*randomBytes/s
      )
    }
    // One variable set is not enough: the other has no fallback either.
    expect(() => loadConfig({ NODE_ENV: "staging", JWT_SECRET: STRONG })).toThrow(/COOKIE_SECRET must be set/)
  })

  it("with production rules, uses the install's secret file that `tienda start` made, and never makes one", () => {
    const stateDir = freshStateDir()
    expect(() => loadConfig({ NODE_ENV: "staging", TIENDA_STATE_DIR: stateDir })).toThrow(/must be set/)
    expect(fs.existsSync(path.join(stateDir, "secrets.json"))).toBe(false)

    const made = ensureInstallSecrets(stateDir)
    const staging = loadConfig({ NODE_ENV: "staging", TIENDA_STATE_DIR: stateDir })
    expect(staging.projectConfig.http).toMatchObject({ jwtSecret: made.jwtSecret, cookieSecret: made.cookieSecret })
    expect(staging.projectConfig.cookieOptions.secure).toBe(true)
    // The environment wins over the file.
    const production = loadConfig({ NODE_ENV: "production", TIENDA_STATE_DIR: stateDir, JWT_SECRET: STRONG })
    expect(production.projectConfig.http).toMatchObject({ jwtSecret: STRONG, cookieSecret: made.cookieSecret })
  })

  it("refuses a malformed rate limit at boot, naming every variable that is wrong", () => {
    const bad = { NODE_ENV: "test", TIENDA_RATE_LIMIT_GLOBAL: "lots", TIENDA_RATE_LIMIT_LOGIN_IP: "0/60" }
    expect(() => loadConfig(bad)).toThrow(
      /TIENDA_RATE_LIMIT_GLOBAL must look like[\s\S]*TIENDA_RATE_LIMIT_LOGIN_IP must look like/
    )
    expect(() => loadConfig({ NODE_ENV: "test", TIENDA_RATE_LIMIT_GLOBAL: "100/60" })).not.toThrow()
  })

  it("stops at boot on any wrong setting, naming every one with its value", () => {
    const bad = { TIENDA_CHECKOUT_QUEUE_MAX: "lots", TIENDA_CATALOG_CACHE_MB: "64MB", DATABASE_SSL: "maybe" }
    expect(() => loadConfig(bad)).toThrow(
      new RegExp(
        [
          "3 environment variables are wrong",
          'DATABASE_SSL must be one of "on", "true", "1", "yes", "off", "false", "0", "no" \\(got "maybe"\\)',
          'TIENDA_CHECKOUT_QUEUE_MAX must be a whole number \\(1 or more\\) \\(got "lots"\\)',
          'TIENDA_CATALOG_CACHE_MB must be a whole number of megabytes \\(1 or more\\) \\(got "64MB"\\)',
        ].join("[\\s\\S]*")
      )
    )
  })

  it("refuses a published, short or patterned secret in every mode, without printing it", () => {
    const weak = [...PUBLISHED_SECRETS, "SuperSecret", "short-but-random", "a".repeat(40), "abc123".repeat(8)]
    // Every value under local rules; the ones a user would paste under each other mode (a config load costs ~0.3 s).
    const cases = [
      ...weak.map((value) => ["development", value]),
      ...["test", "production", "staging"].flatMap((nodeEnv) =>
        ["supersecret", "tienda-local-development-secret", "x".repeat(32)].map((value) => [nodeEnv, value])
      ),
    ]
    for (const [nodeEnv, value] of cases) {
      let message = ""
      try {
        loadConfig({ NODE_ENV: nodeEnv, JWT_SECRET: value, COOKIE_SECRET: STRONG })
      } catch (error) {
        message = (error as Error).message
      }
      expect({ nodeEnv, value, message }).toEqual({
        nodeEnv,
        value,
        message: expect.stringMatching(
          /^JWT_SECRET must be a random string.*it is (a published default|shorter|a pattern)/
        ),
      })
      if (value.length >= 12) {
        expect(message).not.toContain(value)
      }
    }
  })

  it("locally, makes a random secret per install once (mode 600) and reuses it", () => {
    const stateDir = freshStateDir()
    const first = loadConfig({ NODE_ENV: "development", TIENDA_STATE_DIR: stateDir }).projectConfig.http
    const file = path.join(stateDir, "secrets.json")
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(first.jwtSecret).toMatch(/^[0-9a-f]{64}$/)
    expect(first.cookieSecret).toMatch(/^[0-9a-f]{64}$/)
    expect(first.cookieSecret).not.toBe(first.jwtSecret)
    const written = fs.readFileSync(file, "utf8")

    // The test runner (NODE_ENV=test) and a local `tienda start` (medusa start forces production) read the same file.
    for (const env of [
      { NODE_ENV: "test" },
      { NODE_ENV: "production", TIENDA_LOCAL: "true" },
      { NODE_ENV: "staging" },
    ]) {
      const again = loadConfig({ ...env, TIENDA_STATE_DIR: stateDir }).projectConfig.http
      expect(again).toMatchObject({ jwtSecret: first.jwtSecret, cookieSecret: first.cookieSecret })
    }
    expect(fs.readFileSync(file, "utf8")).toBe(written)
    // Another install gets another secret.
    expect(loadConfig({ NODE_ENV: "development" }).projectConfig.http.jwtSecret).not.toBe(first.jwtSecret)
  })

  it("uses Secure cookies with production rules and plain ones for a local `tienda start`", () => {
    const production = loadConfig({ NODE_ENV: "production", JWT_SECRET: STRONG, COOKIE_SECRET: STRONG })
    expect(production.projectConfig.cookieOptions.secure).toBe(true)
    expect(production.projectConfig.http.jwtSecret).toBe(STRONG)
    expect(
      loadConfig({ NODE_ENV: "staging", JWT_SECRET: STRONG, COOKIE_SECRET: STRONG }).projectConfig.cookieOptions.secure
    ).toBe(true)

    // `medusa start` forces NODE_ENV=production even on a laptop; tienda start marks local runs.
    const local = loadConfig({ NODE_ENV: "production", TIENDA_LOCAL: "true" })
    expect(local.projectConfig.cookieOptions.secure).toBe(false)
  })

  it("locks through PostgreSQL without Redis, never in-process", () => {
    const config = loadConfig({})
    // Medusa's provider brings the table; Tienda's race-free subclass takes the locks.
    expect(lockingProviders(config)).toEqual([
      "@medusajs/medusa/locking-postgres",
      "./src/modules/locking-postgres-strict",
    ])
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
      {
        resolve: "./src/modules/caching-bounded",
        id: "bounded",
        is_default: true,
        options: { maxMb: 32, redisUrl: undefined },
      },
    ])
    const shared = loadConfig({ REDIS_URL: "redis://127.0.0.1:6379", TIENDA_MEDUSA_CACHE_MB: "8" })
    expect(shared.modules.caching.options.providers[0].options).toEqual({
      maxMb: 8,
      redisUrl: "redis://127.0.0.1:6379",
    })

    const off = loadConfig({ TIENDA_MEDUSA_CACHE: "off" })
    expect(off.featureFlags.caching).toBe(false)
    expect(moduleResolves(off)).not.toContain("@medusajs/medusa/caching")
    expect(() => loadConfig({ TIENDA_MEDUSA_CACHE_MB: "lots" })).toThrow(
      /TIENDA_MEDUSA_CACHE_MB must be a number of megabytes above 0 \(got "lots"\)/
    )
  })

  it("stores files through Tienda's immutable provider, outside .medusa/server, with URLs on the backend or a CDN", () => {
    const stateDir = freshStateDir()
    const local = loadConfig({ TIENDA_STATE_DIR: stateDir, PORT: "9100", TIENDA_FILE_DIR: undefined })
    expect(local.modules.file.options.providers).toEqual([
      {
        resolve: "./src/modules/file-local-immutable",
        id: "local",
        options: { uploadDir: path.join(stateDir, "uploads"), publicUrl: "http://localhost:9100/static" },
      },
    ])
    const cdn = loadConfig({ TIENDA_FILE_DIR: "/srv/files", TIENDA_FILE_URL: "https://cdn.example.com/static/" })
    expect(cdn.modules.file.options.providers[0].options).toEqual({
      uploadDir: "/srv/files",
      publicUrl: "https://cdn.example.com/static",
    })
    expect(() => loadConfig({ TIENDA_FILE_URL: "cdn.example.com" })).toThrow(/TIENDA_FILE_URL/)
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
      expect(() => loadConfig({ OFFLINE_COD_FEE: spec })).toThrow(
        /OFFLINE_COD_FEE must be amounts per currency like "eur:2.5,usd:3"/
      )
    }
    expect(() => loadConfig({ OFFLINE_COD_FEE: "eur:2.5, usd:3" })).not.toThrow()
  })

  it("takes DATABASE_URL and the worker mode from the environment", () => {
    const worker = loadConfig({ DATABASE_URL: "postgres://db.example.com/shop", MEDUSA_WORKER_MODE: "worker" })
    expect(worker.projectConfig.databaseUrl).toBe("postgres://db.example.com/shop")
    expect(worker.projectConfig.workerMode).toBe("worker")
    expect(worker.admin.disable).toBe(true)
    expect(() => loadConfig({ MEDUSA_WORKER_MODE: "both" })).toThrow(
      /MEDUSA_WORKER_MODE must be one of "shared", "worker", "server" \(got "both"\)/
    )
  })

  it("stops at boot, naming every problem, when the SMTP settings are wrong", async () => {
    const config = loadConfig({
      SMTP_URL: "http://mail.shop.test",
      SMTP_FROM: "shop at example",
      EMAIL_BRAND_COLOR: "red",
      STOREFRONT_URL: "shop.example.com",
    })
    const smtp = config.modules.notification.options.providers.find((provider: any) => provider.id === "smtp")
    // Medusa's own provider loader, as the app's boot runs it: it asks the provider to validate its options first.
    const registered: string[] = []
    const boot = loadModuleProvider(
      {} as any,
      { resolve: smtpProvider as any, id: smtp.id, options: smtp.options },
      async (service: { name: string }) => void registered.push(service.name)
    )
    await expect(boot).rejects.toThrow(/url must start with smtp:\/\/.*from.*storefrontUrl.*brandColor/s)
    expect(registered).toEqual([])

    const good = loadConfig({ SMTP_URL: "smtps://shop:secret@mail.shop.test", SMTP_FROM: "Shop <shop@example.com>" })
    const provider = good.modules.notification.options.providers.find((entry: any) => entry.id === "smtp")
    await loadModuleProvider(
      {} as any,
      { resolve: smtpProvider as any, id: provider.id, options: provider.options },
      async (service: { name: string }) => void registered.push(service.name)
    )
    expect(registered).toEqual(["SmtpNotificationProviderService"])
  })
})
