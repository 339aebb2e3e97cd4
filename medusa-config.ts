import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import { httpSecrets } from "./src/lib/secrets/http-secrets"
import { usesProductionRules } from "./src/lib/secrets/runtime-mode"
import { projectRootOf, stateDirOf } from "./src/lib/secrets/state-dir"
import { loadSettings } from "./src/lib/settings"
import { configureLogging } from "./src/lib/logging"
import { fileStorageOf } from "./src/modules/file-local-immutable/options"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

// Every setting parsed once (src/lib/settings): a wrong value stops the boot of every process, and of `medusa build`
// and `db:migrate`, with the list of every variable that is wrong.
const settings = loadSettings()

/**
 * Tienda's one Medusa config. Everything that differs between a laptop and production comes from the
 * environment, through `settings`; `.env.example` documents every variable.
 *
 * Local rules apply only with NODE_ENV=development or test, or under a local `tienda start` (TIENDA_LOCAL=true:
 * `medusa start` turns an unset NODE_ENV into "production", so tienda records what the user asked for). Every other
 * NODE_ENV (production, staging, …) gets the production rules. Both find the same state folder, wherever the config
 * is loaded from: the project, `.medusa/server` (medusa start) or the test runner.
 */
const env = process.env
const isProduction = usesProductionRules(env)
const port = settings.server.port
const localUrl = `http://localhost:${port}`
const stateDir = stateDirOf(projectRootOf(__dirname), env)

/** JWT_SECRET / COOKIE_SECRET, or this install's random ones (see src/lib/secrets/README.md). Never a default. */
// Every log line: request id and workflow attached, secrets and emails redacted; JSON with the production rules.
configureLogging(settings.observability.logFormat ?? (isProduction ? "json" : "text"))

const secrets = httpSecrets({ env, stateDir, productionRules: isProduction })

const workerMode = settings.server.workerMode
const redisUrl = settings.redis.url

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
const medusaCacheOn = settings.medusaCache.enabled

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
              options: { maxMb: settings.medusaCache.megabytes, redisUrl },
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
const pay = settings.payments
const offlinePayments = {
  bankAccount:
    pay.bankIban || !isProduction
      ? {
          accountHolder: pay.bankAccountHolder || "Tienda Demo S.L.",
          iban: pay.bankIban || "ES91 2100 0418 4502 0005 1332",
          bic: pay.bankBic || (pay.bankIban ? undefined : "CAIXESBBXXX"),
          bankName: pay.bankName,
        }
      : undefined,
  cashOnDeliveryFee: { ...pay.codFee },
  autoCancelAfterDays: pay.autoCancelDays,
}

const stripeProviders = pay.stripeApiKey
  ? [
      {
        resolve: "@medusajs/medusa/payment-stripe",
        id: "stripe",
        options: {
          apiKey: pay.stripeApiKey,
          webhookSecret: pay.stripeWebhookSecret,
          capture: pay.stripeCapture,
        },
      },
    ]
  : []

const paypalProviders = pay.paypalClientId
  ? [
      {
        resolve: "@tienda/payment-paypal/providers/paypal",
        id: "paypal",
        options: {
          clientId: pay.paypalClientId,
          clientSecret: pay.paypalClientSecret,
          environment: pay.paypalEnvironment,
          webhookId: pay.paypalWebhookId,
          intent: pay.paypalIntent,
          apiBaseUrl: pay.paypalApiBaseUrl,
          timeoutMs: pay.paypalTimeoutMs,
        },
      },
    ]
  : []

/**
 * Search. Medusa's Search Module runs on PostgreSQL by default (nothing to configure). With ELASTICSEARCH_URL set,
 * Tienda's Elasticsearch provider becomes the default; PostgreSQL stays registered so that switching providers
 * lets `db:migrate` drop the previous engine's indexes. The provider validates these options at boot.
 */
const elasticsearch = settings.elasticsearch
const elasticsearchProviders = elasticsearch.url
  ? [
      {
        resolve: "@tienda/search-elasticsearch/providers/elasticsearch",
        id: "elasticsearch",
        options: {
          node: elasticsearch.url,
          apiKey: elasticsearch.apiKey,
          username: elasticsearch.username,
          password: elasticsearch.password,
          caFile: elasticsearch.caFile,
          indexPrefix: elasticsearch.indexPrefix,
          requestTimeoutMs: elasticsearch.timeoutMs,
          replicas: elasticsearch.replicas,
        },
      },
    ]
  : []

/**
 * Stored files (product images, admin uploads, exports): Tienda's local provider names a public file by its content,
 * so its URL never changes meaning and is served with a year-long immutable Cache-Control (src/api/static/[key]/).
 * The folder survives `medusa build`: <state>/uploads, or TIENDA_FILE_DIR; URLs start with TIENDA_FILE_URL (a CDN) or
 * the backend's own /static. See src/modules/file-local-immutable/README.md.
 */
const fileStorage = fileStorageOf(projectRootOf(__dirname), env)

/**
 * Emails (plugins/notification-smtp): order confirmation, shipping, cancellation, refund, password reset, welcome and
 * the merchant's new-order alert. Without SMTP_URL or SMTP_HOST every email is kept in the local mailbox (admin →
 * Emails) and none is sent. The plugin validates these options at boot, naming every wrong one.
 */
const email = settings.email
const emailOptions = {
  url: email.url,
  host: email.host,
  port: email.port,
  secure: email.secure,
  requireTls: email.requireTls,
  user: email.user,
  password: email.password,
  from: email.from,
  replyTo: email.replyTo,
  merchantEmail: email.merchantEmail,
  storefrontUrl: email.storefrontUrl,
  logoUrl: email.logoUrl,
  brandColor: email.brandColor,
  defaultLocale: email.defaultLocale,
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: settings.database.url,
    databaseDriverOptions: settings.database.ssl ? { connection: { ssl: { rejectUnauthorized: false } } } : {},
    redisUrl,
    workerMode,
    http: {
      storeCors: settings.cors.store ?? "http://localhost:8000,http://localhost:3000",
      adminCors: settings.cors.admin ?? `${localUrl},http://localhost:5173`,
      authCors: settings.cors.auth ?? `${localUrl},http://localhost:5173,http://localhost:8000,http://localhost:3000`,
      jwtSecret: secrets.jwtSecret,
      cookieSecret: secrets.cookieSecret,
    },
    // Browsers drop `Secure` cookies over plain http, so a local run over http://localhost needs them off.
    // In production they stay on: serve over HTTPS or behind a proxy that sends X-Forwarded-Proto: https.
    cookieOptions: isProduction ? { secure: true, sameSite: "lax" } : { secure: false, sameSite: "lax" },
  },
  admin: {
    disable: settings.server.adminDisabled || workerMode === "worker",
    backendUrl: settings.server.backendUrl,
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
        default_provider: elasticsearch.url ? "elasticsearch" : "search-postgres",
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
        webhook_delay: pay.webhookDelayMs,
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
    // Metrics, readiness and the SIGTERM drain of every process (src/lib/metrics, src/lib/lifecycle). Listed before
    // the modules whose work it counts; it decorates the event bus (subscriber runs) and the Payment and Notification
    // Modules' provider calls.
    { resolve: "./src/modules/observability", dependencies: ["event_bus", "payment", "notification"] },
    // Search synonyms and the storefront query log (search insights); see src/search/README.md.
    { resolve: "./src/modules/search-tuning" },
    {
      // Medusa's File Module takes exactly one provider: this one replaces Medusa's default `file-local`. A provider
      // for object storage (S3, …) takes this entry's place rather than joining it.
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [{ resolve: "./src/modules/file-local-immutable", id: "local", options: fileStorage }],
      },
    },
    {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          // Medusa's default provider for the admin's notification feed, kept when this entry replaces the default.
          {
            resolve: "@medusajs/medusa/notification-local",
            id: "local",
            options: { name: "Local Notification Provider", channels: ["feed"] },
          },
          {
            resolve: "@tienda/notification-smtp/providers/smtp",
            id: "smtp",
            options: { ...emailOptions, channels: ["email"] },
          },
        ],
      },
    },
  ],
  featureFlags: { caching: medusaCacheOn },
  plugins: [
    { resolve: "@tienda/payment-offline", options: offlinePayments },
    { resolve: "@tienda/fulfillment-table-rate", options: {} },
    { resolve: "@tienda/notification-smtp", options: emailOptions },
  ],
})
