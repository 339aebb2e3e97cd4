import os from "node:os"
import path from "node:path"

/** Every knob of `npm run bench`, from the environment. A smoke run: BENCH_DURATION=3 BENCH_PRODUCTS=200. */
function num(name: string, fallback: number): number {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? value : fallback
}

export const root = path.resolve(__dirname, "..")
export const stateDir = path.join(root, ".tienda", "bench")

export const config = {
  /** Synthetic products in the seeded catalog (3 variants each, on top of the demo store). */
  products: num("BENCH_PRODUCTS", 10_000),
  /** Seconds of load per read scenario; checkout runs BENCH_CHECKOUT_DURATION. */
  duration: num("BENCH_DURATION", 10),
  checkoutDuration: num("BENCH_CHECKOUT_DURATION", 20),
  /** Seconds of hot-URL load before measuring a system (JIT warm-up; not reported). */
  warmup: num("BENCH_WARMUP", 3),
  /** Concurrent connections of the read scenarios (like `wrk -c16`) and shoppers of the checkout. */
  connections: num("BENCH_CONNECTIONS", 16),
  shoppers: num("BENCH_SHOPPERS", 8),
  /** Embedded PostgreSQL of the benchmark (its own data folder); BENCH_DATABASE_URL uses another server. */
  pgPort: num("BENCH_PG_PORT", 54331),
  databaseUrl: process.env.BENCH_DATABASE_URL || "",
  /** A Redis to use instead of the throw-away one the run starts. */
  redisUrl: process.env.BENCH_REDIS_URL || "",
  serverPort: num("BENCH_SERVER_PORT", 9100),
  /** Comma-separated subset of systems / scenarios (names as in systems.ts / scenarios.ts); all by default. */
  systems: (process.env.BENCH_SYSTEMS || "").split(",").filter(Boolean),
  scenarios: (process.env.BENCH_SCENARIOS || "").split(",").filter(Boolean),
  /** BENCH_BUILD=skip reuses .medusa/server as it is (otherwise `medusa build` runs when sources changed). */
  build: process.env.BENCH_BUILD || "auto",
  cores: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? "unknown",
}

/** The admin in the seeded catalog (`medusa user` in database.ts); the search-rebuild measurement logs in as it. */
export const BENCH_ADMIN = { email: "bench@tienda.test", password: "bench-admin-password-1" }
