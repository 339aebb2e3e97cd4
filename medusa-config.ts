import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import { httpSecrets } from "./src/lib/secrets/http-secrets"
import { usesProductionRules } from "./src/lib/secrets/runtime-mode"
import { projectRootOf, stateDirOf } from "./src/lib/secrets/state-dir"
import { validateClientAddressSettings } from "./src/api/edge/client-address"
import { validateRateLimitSettings } from "./src/api/security/rate-limit-rules"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * Tienda's one Medusa config. Everything that differs between a laptop and production comes from the
 * environment; `.env.example` documents every variable.
 *
 * Local rules apply only with NODE_ENV=development or test, or under a local `tienda start` (TIENDA_LOCAL=true:
 * `medusa start` turns an unset NODE_ENV into "production", so tienda records what the user asked for). Every other
 * NODE_ENV (production, staging, …) gets the production rules. Both find the same state folder, wherever the config
 * is loaded from: the project, `.medusa/server` (medusa start) or the test runner.
 */
const env = process.env
const isProduction = usesProductionRules(env)
const port = env.PORT || "9000"
const localUrl = `http://localhost:${port}`
const stateDir = stateDirOf(projectRootOf(__dirname), env)

/** JWT_SECRET / COOKIE_SECRET, or this install's random ones (see src/lib/secrets/README.md). Never a default. */
const secrets = httpSecrets({ env, stateDir, productionRules: isProduction })

// TIENDA_TRUSTED_PROXIES, TIENDA_STOREFRONT_SECRET and TIENDA_RATE_LIMIT_<RULE>: a bad value stops the boot here,
// naming the variable (read again per request, where a bad value would fail every request).
validateClientAddressSettings(env)
validateRateLimitSettings(env)

function workerMode(): "shared" | "worker" | "server" {
  const mode = env.MEDUSA_WORKER_MODE || "shared"
  if (mode !== "shared" && mode !== "worker" && mode !== "server") {
    throw new Error(`MEDUSA_WORKER_MODE must be "shared", "worker" or "server" (got "${mode}")`)
  }
  return mode
}

const redisUrl = env.REDIS_URL || undefined

/**
 * With Redis: Medusa's production set (event bus, workflow engine, locking and cache on Redis; the Caching Module is below).
 * Without Redis: in-process event bus and workflow engine (one process), but locking always goes through
 * PostgreSQL advisory locks, so several server processes (`--cluster`, server + worker) never oversell stock.
 */
const infrastructureModules = redisUrl
  ? [
      { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
      { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
      { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            { resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } },
          ],
        },
      },
    ]
  : [
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            // Medusa's provider stays registered for its `locking` table and migration; Tienda's subclass (same
            // table) is the default because upstream's acquire lets two racing callers both hold a lock.
            { resolve: "@medusajs/medusa/locking-postgres", id: "locking-postgres" },
            { resolve: "./src/modules/locking-postgres-strict", id: "postgres-strict", is_default: true },
          ],
        },
      },
    ]

/**
 * Medusa's Caching Module, and its `caching` feature flag, which makes Medusa cache its own lookups on every store
 * request (publishable key, region, store defaults, a cart's variants and prices) and invalidate them from the
 * events: cached regions answers went from 315 to 1,074 req/s on the bench. The provider is Tienda's bounded one
 * (src/modules/caching-bounded): small entries in process memory, least recently used out, invalidations carried
 * to the other processes over Redis when REDIS_URL is set. TIENDA_MEDUSA_CACHE=off turns both off.
 */
const medusaCacheOn = env.TIENDA_MEDUSA_CACHE !== "off"

function cacheMegabytes(): number {
  const value = env.TIENDA_MEDUSA_CACHE_MB === undefined ? 32 : Number(env.TIENDA_MEDUSA_CACHE_MB)
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`TIENDA_MEDUSA_CACHE_MB must be a positive number of megabytes (got "${env.TIENDA_MEDUSA_CACHE_MB}")`)
  }
  return value
}

const cachingModules = medusaCacheOn
  ? [
      {
        resolve: "@medusajs/medusa/caching",
        options: {
          providers: [
            {
              resolve: "./src/modules/caching-bounded",
              id: "bounded",
              is_default: true,
              options: { maxMb: cacheMegabytes(), redisUrl },
            },
          ],
        },
      },
    ]
  : []

/**
 * Payments. Offline methods (bank transfer, cash on delivery) are always on; Stripe when STRIPE_API_KEY is set,
 * PayPal when PAYPAL_CLIENT_ID is set. A local run shows a demo bank account (a published example IBAN) unless
 * OFFLINE_BANK_IBAN is set; production shows none, and bank transfer then refuses checkouts with a clear 400.
 */
function cashOnDeliveryFee(spec: string | undefined): Record<string, number> {
  const fees: Record<string, number> = {}
  for (const part of (spec || "").split(",").map((p) => p.trim()).filter(Boolean)) {
    const [currency, amount] = part.split(":")
    // A decimal in major units ("2.5"); an empty or non-numeric amount is a typo, not a free fee.
    if (!/^[a-z]{3}$/i.test(currency ?? "") || !/^\d+(\.\d+)?$/.test((amount ?? "").trim())) {
      throw new Error(`OFFLINE_COD_FEE must look like "eur:2.5,usd:3" (got "${spec}")`)
    }
    fees[currency.toLowerCase()] = Number(amount)
  }
  return fees
}

const offlinePayments = {
  bankAccount:
    env.OFFLINE_BANK_IBAN || !isProduction
      ? {
          accountHolder: env.OFFLINE_BANK_ACCOUNT_HOLDER || "Tienda Demo S.L.",
          iban: env.OFFLINE_BANK_IBAN || "ES91 2100 0418 4502 0005 1332",
          bic: env.OFFLINE_BANK_BIC || (env.OFFLINE_BANK_IBAN ? undefined : "CAIXESBBXXX"),
          bankName: env.OFFLINE_BANK_NAME || undefined,
        }
      : undefined,
  cashOnDeliveryFee: cashOnDeliveryFee(env.OFFLINE_COD_FEE),
  autoCancelAfterDays: env.OFFLINE_AUTO_CANCEL_DAYS === undefined ? 7 : Number(env.OFFLINE_AUTO_CANCEL_DAYS),
}

const stripeProviders = env.STRIPE_API_KEY
  ? [
      {
        resolve: "@medusajs/medusa/payment-stripe",
        id: "stripe",
        options: {
          apiKey: env.STRIPE_API_KEY,
          webhookSecret: env.STRIPE_WEBHOOK_SECRET,
          capture: env.STRIPE_CAPTURE === "true",
        },
      },
    ]
  : []

const paypalProviders = env.PAYPAL_CLIENT_ID
  ? [
      {
        resolve: "@tienda/payment-paypal/providers/paypal",
        id: "paypal",
        options: {
          clientId: env.PAYPAL_CLIENT_ID,
          clientSecret: env.PAYPAL_CLIENT_SECRET,
          environment: env.PAYPAL_ENVIRONMENT || "sandbox",
          webhookId: env.PAYPAL_WEBHOOK_ID,
          intent: env.PAYPAL_INTENT || "authorize",
          apiBaseUrl: env.PAYPAL_API_BASE_URL || undefined,
          timeoutMs: env.PAYPAL_TIMEOUT_MS ? Number(env.PAYPAL_TIMEOUT_MS) : undefined,
        },
      },
    ]
  : []

/**
 * Search. Medusa's Search Module runs on PostgreSQL by default (nothing to configure). With ELASTICSEARCH_URL set,
 * Tienda's Elasticsearch provider becomes the default; PostgreSQL stays registered so that switching providers
 * lets `db:migrate` drop the previous engine's indexes. The provider validates these options at boot.
 */
const elasticsearchProviders = env.ELASTICSEARCH_URL
  ? [
      {
        resolve: "@tienda/search-elasticsearch/providers/elasticsearch",
        id: "elasticsearch",
        options: {
          node: env.ELASTICSEARCH_URL,
          apiKey: env.ELASTICSEARCH_API_KEY || undefined,
          username: env.ELASTICSEARCH_USERNAME || undefined,
          password: env.ELASTICSEARCH_PASSWORD || undefined,
          caFile: env.ELASTICSEARCH_CA_FILE || undefined,
          indexPrefix: env.ELASTICSEARCH_INDEX_PREFIX || undefined,
          requestTimeoutMs: env.ELASTICSEARCH_TIMEOUT_MS ? Number(env.ELASTICSEARCH_TIMEOUT_MS) : undefined,
          replicas: env.ELASTICSEARCH_REPLICAS ? Number(env.ELASTICSEARCH_REPLICAS) : undefined,
        },
      },
    ]
  : []

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: env.DATABASE_URL || "postgres://postgres:postgres@localhost:54329/tienda",
    databaseDriverOptions: env.DATABASE_SSL === "true" ? { connection: { ssl: { rejectUnauthorized: false } } } : {},
    redisUrl,
    workerMode: workerMode(),
    http: {
      storeCors: env.STORE_CORS || "http://localhost:8000,http://localhost:3000",
      adminCors: env.ADMIN_CORS || `${localUrl},http://localhost:5173`,
      authCors: env.AUTH_CORS || `${localUrl},http://localhost:5173,http://localhost:8000,http://localhost:3000`,
      jwtSecret: secrets.jwtSecret,
      cookieSecret: secrets.cookieSecret,
    },
    // Browsers drop `Secure` cookies over plain http, so a local run over http://localhost needs them off.
    // In production they stay on: serve over HTTPS or behind a proxy that sends X-Forwarded-Proto: https.
    cookieOptions: isProduction ? { secure: true, sameSite: "lax" } : { secure: false, sameSite: "lax" },
  },
  admin: {
    disable: env.DISABLE_MEDUSA_ADMIN === "true" || workerMode() === "worker",
    backendUrl: env.MEDUSA_BACKEND_URL || "/",
  },
  // `npx tienda plugin add` registers providers in their module's entry below and plugins in `plugins`,
  // editing this file's syntax tree; keep both literal arrays so it can (see README "Writing a plugin").
  modules: [
    ...infrastructureModules,
    ...cachingModules,
    {
      // Medusa's default search set-up (PostgreSQL, native) as a literal entry, so `tienda plugin add` can register
      // search providers here; Elasticsearch joins and becomes the default when ELASTICSEARCH_URL is set. The
      // default is always named: with several providers registered Medusa refuses to guess.
      resolve: "@medusajs/medusa/search",
      options: {
        default_provider: env.ELASTICSEARCH_URL ? "elasticsearch" : "search-postgres",
        providers: [
          { resolve: "@medusajs/medusa/search-postgres", id: "postgres", options: { engine: "native" } },
          ...elasticsearchProviders,
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/payment",
      options: {
        // Medusa waits this long before processing a provider's webhook (its default: 5 s).
        webhook_delay: env.PAYMENT_WEBHOOK_DELAY_MS === undefined ? 5000 : Number(env.PAYMENT_WEBHOOK_DELAY_MS),
        providers: [
          { resolve: "@tienda/payment-offline/providers/offline", id: "offline", options: offlinePayments },
          ...stripeProviders,
          ...paypalProviders,
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/fulfillment",
      // The table-rate provider reads rate tables from its plugin's `tableRate` module, which a provider reaches
      // only through its owning module's dependencies.
      dependencies: ["tableRate"],
      options: {
        providers: [
          { resolve: "@medusajs/medusa/fulfillment-manual", id: "manual" },
          { resolve: "@tienda/fulfillment-table-rate/providers/table-rate", id: "table-rate" },
        ],
      },
    },
    // Search synonyms and the storefront query log (search insights); see src/search/README.md.
    { resolve: "./src/modules/search-tuning" },
  ],
  featureFlags: { caching: medusaCacheOn },
  plugins: [
    { resolve: "@tienda/payment-offline", options: offlinePayments },
    { resolve: "@tienda/fulfillment-table-rate", options: {} },
  ],
})
