// Stock Medusa 2.21.2 for the benchmark: a plain config, none of Tienda's plugins, middlewares or modules.
// BENCH_CACHING=true switches on Medusa's own Caching Module with its Redis provider (and the `caching` flag).
const { defineConfig, loadEnv } = require("@medusajs/framework/utils")

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const caching = process.env.BENCH_CACHING === "true"

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: "http://localhost:8000",
      adminCors: "http://localhost:5173",
      authCors: "http://localhost:5173",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: { disable: true },
  featureFlags: caching ? { caching: true } : {},
  modules: caching
    ? [
        {
          resolve: "@medusajs/medusa/caching",
          options: {
            providers: [
              {
                resolve: "@medusajs/medusa/caching-redis",
                id: "caching-redis",
                is_default: true,
                options: { redisUrl: process.env.BENCH_CACHE_REDIS_URL },
              },
            ],
          },
        },
      ]
    : [],
})
