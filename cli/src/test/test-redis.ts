import fs from "node:fs"
import path from "node:path"
import { info, step, warn } from "../shared/log"
import { findRedisServer, startThrowawayRedis, type ThrowawayRedis } from "./throwaway-redis"

/**
 * Redis for a test run. The specs that need one get a throw-away `redis-server` the run starts, and never any
 * other (a developer's own Redis is not theirs to flush): the URL reaches them as TIENDA_TEST_REDIS_URL, and the
 * apps under test get no REDIS_URL unless TIENDA_TEST_REDIS_MODULES=1 gives them the throw-away server too (CI
 * runs the checkout tests so). Without `redis-server` those specs report themselves NOT RUN, which
 * TIENDA_REQUIRE_REDIS=1 (CI) turns into a failure.
 */
export interface TestRedis {
  /** Variables for jest's environment. */
  env: NodeJS.ProcessEnv
  /** The line that ends the run's output: where the Redis specs ran, or which did not run and why. */
  summary(): void
  stop(): Promise<void>
}

const INSTALL_HINT = "apt-get install redis-server"

/** Starts the run's Redis, or explains why there is none; throws when the run cannot go on without one. */
export async function prepareTestRedis(stateDir: string, parentEnv: NodeJS.ProcessEnv): Promise<TestRedis> {
  const required = parentEnv.TIENDA_REQUIRE_REDIS === "1"
  const forModules = parentEnv.TIENDA_TEST_REDIS_MODULES === "1"
  const report = path.join(stateDir, "test-redis-not-run.txt")
  fs.rmSync(report, { force: true })
  if (parentEnv.REDIS_URL) {
    info("• REDIS_URL is ignored by the tests: they use only a Redis they started (see TIENDA_TEST_REDIS_MODULES)")
  }

  const binary = findRedisServer(parentEnv.PATH)
  if (!binary) {
    const reason = `no redis-server on PATH (${INSTALL_HINT})`
    if (required || forModules) {
      const variable = required ? "TIENDA_REQUIRE_REDIS=1" : "TIENDA_TEST_REDIS_MODULES=1"
      throw new Error(`${variable} needs a throw-away Redis, but there is ${reason}`)
    }
    return {
      // An empty REDIS_URL (not a missing one) also keeps a REDIS_URL line of .env out: dotenv never overrides.
      env: {
        REDIS_URL: "",
        TIENDA_TEST_REDIS_URL: "",
        TIENDA_TEST_REDIS_MISSING: reason,
        TIENDA_TEST_REDIS_REPORT: report,
      },
      summary: () => summarizeNotRun(report, reason),
      stop: async () => undefined,
    }
  }

  const done = step("Starting a throw-away Redis for the Redis specs")
  const redis: ThrowawayRedis = await startThrowawayRedis(binary, path.join(stateDir, "test-redis.log"))
  done(`127.0.0.1:${redis.port}${forModules ? ", also the apps' REDIS_URL (TIENDA_TEST_REDIS_MODULES=1)" : ""}`)
  return {
    env: {
      // Database 1 of the run's server: the spec files take databases 2 and up (integration-tests/helpers/redis.ts).
      REDIS_URL: forModules ? `${redis.url}/1` : "",
      TIENDA_TEST_REDIS_URL: redis.url,
      TIENDA_TEST_REDIS_MISSING: "",
      TIENDA_TEST_REDIS_REPORT: report,
    },
    summary: () => info(`• Redis: the Redis specs ran on a throw-away redis-server (port ${redis.port}), now stopped`),
    stop: () => redis.stop(),
  }
}

function summarizeNotRun(report: string, reason: string): void {
  const specs = fs.existsSync(report) ? [...new Set(fs.readFileSync(report, "utf8").split("\n").filter(Boolean))] : []
  if (specs.length === 0) {
    info(`• Redis: not started (${reason}); no spec of this run needed it`)
    return
  }
  warn(`Redis specs NOT RUN (${specs.length}): ${reason}. TIENDA_REQUIRE_REDIS=1 makes this an error.`)
  for (const spec of specs) {
    warn(`  not run: ${spec}`)
  }
}
