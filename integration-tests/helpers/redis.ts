import fs from "node:fs"
import path from "node:path"
import Redis from "ioredis"
import { RUN_MARKER_KEY } from "../../cli/src/test/throwaway-redis"

/**
 * Redis for the specs that need one: only the throw-away server `tienda test` started for this run
 * (cli/src/test/test-redis.ts), never another — a developer's own Redis is not the tests' to flush. The run passes
 * its URL as TIENDA_TEST_REDIS_URL, with the run's random token as password; the server also holds the token under
 * RUN_MARKER_KEY. Each spec file (each openTestRedis) gets a database of its own, so files running side by side
 * never see each other's keys, and a file may flush its own. Without the run's Redis a spec reports itself NOT RUN,
 * loudly; with TIENDA_REQUIRE_REDIS=1 (CI) it fails instead.
 */
export interface TestRedis {
  /** The run's server, on this spec's own database (redis://:<token>@127.0.0.1:<port>/<n>). */
  url: string
  /** Connected to that database. */
  client: Redis
}

const DATABASE_COUNTER_KEY = "tienda-test:next-database"
/** 0 holds the marker and the counter, 1 is the apps' with TIENDA_TEST_REDIS_MODULES=1 (cli/src/test/test-redis.ts). */
const FIRST_SPEC_DATABASE = 2
/** The server's `--databases` (cli/src/test/throwaway-redis.ts). */
const DATABASES = 256

/**
 * The run's URL, taken apart, when `url` is exactly the one this run started; throws for anything else (checked
 * before any connection is made): no run Redis at all, another URL, 6379, another host, no token, a database.
 */
export function assertRunRedisUrl(url: string, env: NodeJS.ProcessEnv = process.env): { port: number; token: string } {
  const started = env.TIENDA_TEST_REDIS_URL
  const refused = (why: string) => new Error(`refused to use Redis at ${redact(url)}: ${why}`)
  if (!started) {
    throw refused("this run started no Redis (tests use only the throw-away one `npx tienda test` starts)")
  }
  if (url !== started) {
    throw refused("it is not the Redis this run started")
  }
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw refused("not a URL")
  }
  const token = decodeURIComponent(parsed.password)
  if (parsed.protocol !== "redis:" || parsed.hostname !== "127.0.0.1" || parsed.username !== "") {
    throw refused("a run's Redis is redis://:<token>@127.0.0.1:<port>")
  }
  if (!/^[0-9a-f]{48}$/.test(token)) {
    throw refused("it carries no run token, so the run did not start it")
  }
  if (parsed.port === "" || parsed.port === "6379") {
    throw refused("6379 is the machine's Redis, never a run's")
  }
  if (parsed.pathname !== "" && parsed.pathname !== "/") {
    throw refused("the run's URL names no database (each spec file gets its own)")
  }
  return { port: Number(parsed.port), token }
}

/** Throws unless the server holds the run's token: it took the password, but only the run's server has this key. */
export function assertRunMarker(marker: string | null, token: string): void {
  if (marker !== token) {
    throw new Error(`the Redis at this URL holds no marker of this run (${RUN_MARKER_KEY}): the run did not start it`)
  }
}

/** Why this spec cannot have the run's Redis, or undefined when it can. */
export function whyNoRunRedis(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.TIENDA_TEST_REDIS_URL) {
    return undefined
  }
  return (
    env.TIENDA_TEST_REDIS_MISSING ||
    "this run started no Redis: run the spec through `npx tienda test`, which starts a throw-away redis-server"
  )
}

/** Connects to the run's Redis on a fresh database of its own (checked as above); the caller disconnects it. */
export async function openTestRedis(url = process.env.TIENDA_TEST_REDIS_URL ?? ""): Promise<TestRedis> {
  const { port, token } = assertRunRedisUrl(url)
  const run = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 })
  let database: number
  try {
    await run.connect()
    assertRunMarker(await run.get(RUN_MARKER_KEY), token)
    database = FIRST_SPEC_DATABASE - 1 + (await run.incr(DATABASE_COUNTER_KEY))
  } catch (error) {
    throw new Error(`the run's Redis on 127.0.0.1:${port}: ${(error as Error).message}`)
  } finally {
    run.disconnect()
  }
  if (database >= DATABASES) {
    throw new Error(`the run's Redis has ${DATABASES} databases and this run asked for more`)
  }
  const client = new Redis(`${url}/${database}`, { lazyConnect: true, maxRetriesPerRequest: 1 })
  await client.connect()
  return { url: `${url}/${database}`, client }
}

/**
 * `describe` for a spec that needs Redis: `redis()` gives its own database of the run's server (opened before its
 * tests, closed after). Without the run's Redis the block reports NOT RUN (or fails under TIENDA_REQUIRE_REDIS=1).
 */
export function describeWithRedis(name: string, body: (redis: () => TestRedis) => void): void {
  const missing = whyNoRunRedis()
  if (missing) {
    describe(name, () => notRun(name, missing))
    return
  }
  describe(name, () => {
    let opened: TestRedis | undefined
    beforeAll(async () => {
      opened = await openTestRedis()
    })
    afterAll(() => opened?.client.disconnect())
    body(() => {
      if (!opened) {
        throw new Error("the run's Redis is opened in beforeAll; use redis() inside hooks and tests")
      }
      return opened
    })
  })
}

/** `it` for one test that needs Redis, given a database of its own; NOT RUN (or failing) as above without it. */
export function itWithRedis(name: string, test: (redis: TestRedis) => Promise<void>, timeoutMs?: number): void {
  const missing = whyNoRunRedis()
  if (missing) {
    notRun(name, missing)
    return
  }
  it(
    name,
    async () => {
      const redis = await openTestRedis()
      try {
        await test(redis)
      } finally {
        redis.client.disconnect()
      }
    },
    timeoutMs
  )
}

/**
 * A test that did not run, said loudly: a line on stderr, the spec's name in the run's report (`tienda test`
 * ends with it), and a to-do test titled NOT RUN (jest lists it apart from passes) — or, with TIENDA_REQUIRE_REDIS=1,
 * a failing one.
 */
function notRun(name: string, reason: string): void {
  const spec = expect.getState().testPath ?? name
  const title = `${name} — NOT RUN, needs Redis: ${reason}`
  process.stderr.write(`\n!!! ${spec}: ${title}\n\n`)
  const report = process.env.TIENDA_TEST_REDIS_REPORT
  if (report) {
    fs.appendFileSync(report, `${path.relative(process.cwd(), spec)}\n`)
  }
  if (process.env.TIENDA_REQUIRE_REDIS === "1") {
    it(title, () => {
      throw new Error(`needs Redis and TIENDA_REQUIRE_REDIS=1 is set: ${reason}`)
    })
  } else {
    it.todo(title)
  }
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, "//***@")
}
