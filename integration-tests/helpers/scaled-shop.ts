import { spawn, spawnSync, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { startThrowawayPostgres, type ThrowawayPostgres } from "./debian-postgres"
import { freePorts } from "./free-port"
import { startRestartableRedis, type RestartableRedis } from "./restartable-redis"
import { sharedShopBuilt, SHARED_SHOP_ADMIN } from "./shared-shop"
import { bannerValue, makeStateDir, root, startShop, stopShop, waitUntilReady, type RunningShop } from "./shop-process"
import { killServerProcess, startMedusaProcess, stopServerProcess, type ServerProcess } from "./server-process"

export const HAPROXY = process.env.HAPROXY_PATH || "/usr/sbin/haproxy"
const HAPROXY_CONFIG = path.join(root, "ops/haproxy/haproxy.cfg")

/**
 * The production topology on one machine, every part started by the test: a PostgreSQL of its own (Debian's 15, so
 * it can be stopped and started), a Redis of its own with its append-only file, two server processes and the
 * worker of the project's production build, and Debian's HAProxy with the shipped ops/haproxy/haproxy.cfg in front.
 * The database is migrated and seeded by `tienda start` first (then that single process is stopped).
 */
export interface ScaledShop {
  balancer: string
  publishableKey: string
  databaseUrl: string
  postgres: ThrowawayPostgres
  redis: RestartableRedis
  servers: ServerProcess[]
  worker: ServerProcess
  workerMetricsPort: number
  adminHeaders(): Promise<Record<string, string>>
  /** SIGKILL server `index`; its replacement is started by startServer(index). */
  killServer(index: number): Promise<void>
  startServer(index: number): Promise<void>
  killWorker(): Promise<void>
  startWorker(): Promise<void>
  /** HAProxy's view of a server of the reads backend: "UP", "DOWN", "MAINT", … */
  serverState(index: number): Promise<string>
  haproxyLog(): string
  /** What `tienda start --processes 2`, which migrated and seeded the database, did when one of its servers died. */
  processGroup: ProcessGroupCheck
  /** Seconds each step of the start took, in order (for the spec's report). */
  startedIn: Record<string, number>
  stop(): Promise<void>
}

export interface ProcessGroupCheck {
  /** TIENDA_PROCESS_NAME of the processes `tienda start` ran, each once, sorted. */
  roles: string[]
  /** Processes in a role another process already had (pid, parent and command line of each). */
  extras: string[]
  /** Answers to requests sent to the shop's port every 50 ms from the kill until the replacement listened. */
  duringReplacement: { ok: number; failed: number }
  /** From the SIGKILL of server-1 until its replacement listened on the port. */
  replacedInMs: number
  /** Requests after the replacement: all must be answered. */
  afterReplacement: { ok: number; failed: number }
  exitCode: number | null
  /** Its processes still alive after `tienda start` exited (must be none). */
  leftBehind: string[]
}

export async function startScaledShop(): Promise<ScaledShop> {
  if (!fs.existsSync(HAPROXY) || spawnSync(HAPROXY, ["-v"]).status !== 0) {
    throw new Error(`HAProxy is needed at ${HAPROXY}: apt-get install haproxy (or set HAPROXY_PATH)`)
  }
  // The shared e2e shop builds .medusa/server when the run begins; every process here runs that build.
  const startedIn: Record<string, number> = {}
  let stepStarted = Date.now()
  const stepDone = (step: string) => {
    startedIn[step] = Math.round((Date.now() - stepStarted) / 100) / 10
    stepStarted = Date.now()
  }
  await sharedShopBuilt()
  stepDone("build (shared)")
  const postgres = await startThrowawayPostgres()
  const redis = await startRestartableRedis()
  const stateDir = makeStateDir()
  const databaseUrl = postgres.url("tienda")
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    // Every shopper of the test comes from 127.0.0.1 (through HAProxy): no per-address limit may decide a test.
    TIENDA_RATE_LIMIT: "off",
    TIENDA_CHECKOUT_PER_ADDRESS: "1000",
    TIENDA_TRUSTED_PROXIES: "1",
    TIENDA_DRAIN_TIMEOUT_SECONDS: "20",
    // On, as in production (NODE_ENV=test turns it off by default): what the topology is tested with.
    TIENDA_CATALOG_CACHE: "on",
    // A payment left without its order is cancelled after 20 s instead of 10 minutes: the test waits for it.
    TIENDA_ORPHANED_PAYMENT_GRACE_SECONDS: "20",
  }
  const setup = await startShop(
    stateDir,
    { ...env, TIENDA_ADMIN_EMAIL: SHARED_SHOP_ADMIN.email, TIENDA_ADMIN_PASSWORD: SHARED_SHOP_ADMIN.password },
    undefined,
    ["--processes", "2"]
  )
  await waitUntilReady(setup)
  stepDone("tienda start: migrate, seed, 3 processes ready")
  const publishableKey = bannerValue(setup.output(), "Publishable key")
  const processGroup = await killOneOfTheGroup(setup, publishableKey)
  stepDone("server-1 killed, replaced, the group stopped")

  const [balancerPort, statsPort, portA, portB, workerPort, workerMetricsPort] = await freePorts(6)
  const serverPorts = [portA, portB]
  const startServer = (port: number) => startMedusaProcess({ databaseUrl, stateDir, port, mode: "server", env })
  const startWorker = () =>
    startMedusaProcess({
      databaseUrl,
      stateDir,
      port: workerPort,
      mode: "worker",
      env: { ...env, TIENDA_METRICS_PORT: String(workerMetricsPort) },
    })
  const [serverA, serverB, worker] = await Promise.all([startServer(portA), startServer(portB), startWorker()])
  const servers = [serverA, serverB]
  stepDone("two servers and the worker ready")

  let haproxyOutput = ""
  const haproxy: ChildProcess = spawn(HAPROXY, ["-f", HAPROXY_CONFIG, "-db"], {
    env: {
      ...process.env,
      TIENDA_LB_BIND: `127.0.0.1:${balancerPort}`,
      TIENDA_LB_STATS_BIND: `127.0.0.1:${statsPort}`,
      TIENDA_SERVER_1: `127.0.0.1:${portA}`,
      TIENDA_SERVER_2: `127.0.0.1:${portB}`,
    },
  })
  haproxy.stdout!.on("data", (chunk) => (haproxyOutput += chunk))
  haproxy.stderr!.on("data", (chunk) => (haproxyOutput += chunk))

  const shop: ScaledShop = {
    balancer: `http://127.0.0.1:${balancerPort}`,
    publishableKey,
    databaseUrl,
    postgres,
    redis,
    servers,
    worker,
    workerMetricsPort,
    adminHeaders: async () => {
      const response = await fetch(`${shop.balancer}/auth/user/emailpass`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(SHARED_SHOP_ADMIN),
      })
      const { token } = await response.json()
      return { authorization: `Bearer ${token}` }
    },
    killServer: (index) => killServerProcess(servers[index]),
    startServer: async (index) => {
      servers[index] = await startServer(serverPorts[index])
    },
    killWorker: () => killServerProcess(shop.worker),
    startWorker: async () => {
      shop.worker = await startWorker()
    },
    serverState: async (index) => {
      const csv = await (await fetch(`http://127.0.0.1:${statsPort}/;csv`)).text()
      const row = csv
        .split("\n")
        .map((line) => line.split(","))
        .find((cells) => cells[0] === "tienda_reads" && cells[1] === `s${index + 1}`)
      // Column 18 of HAProxy's CSV is the status ("UP", "DOWN", "UP 1/2", …).
      return row?.[17] ?? "unknown"
    },
    haproxyLog: () => haproxyOutput,
    processGroup,
    startedIn,
    stop: async () => {
      haproxy.kill("SIGTERM")
      await Promise.all([...servers, shop.worker].map(stopServerProcess))
      await redis.remove()
      postgres.stop()
      fs.rmSync(stateDir, { recursive: true, force: true })
    },
  }
  const deadline = Date.now() + 30_000
  while ((await shop.serverState(0).catch(() => "")) !== "UP" || (await shop.serverState(1)) !== "UP") {
    if (Date.now() > deadline || haproxy.exitCode !== null) {
      await shop.stop()
      throw new Error(`HAProxy did not see both servers up:\n${haproxyOutput}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return shop
}

/**
 * `tienda start --processes 2` runs two servers sharing its port and a worker: server-1 is SIGKILLed while requests
 * arrive, and `tienda start` must start it again in the same role; then the whole group stops with SIGTERM.
 */
async function killOneOfTheGroup(setup: RunningShop, publishableKey: string): Promise<ProcessGroupCheck> {
  const cliPid = setup.child.pid!
  const group = descendantsOf(cliPid)
  const members = group
    .filter(alive)
    .map((pid) => ({ pid, role: roleOf(pid) }))
    .filter((member): member is { pid: number; role: string } => Boolean(member.role))
  const roles = [...new Set(members.map((member) => member.role))].sort()
  // A second process in a role (seen once, not explained yet): named with its parent and command line, for the report.
  const extras = members
    .filter((member, index) => members.findIndex((other) => other.role === member.role) !== index)
    .map(({ pid, role }) => `${role}: ${pid} (parent ${parentOf(pid)}, group ${cliPid}) ${commandOf(pid)}`)
  const readyLines = () => (setup.output().match(/Server is ready on port/g) ?? []).length
  // The worker may still be booting when the servers answer: its own "ready" line must not pass for the replacement.
  for (const deadline = Date.now() + 120_000; readyLines() < roles.length && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const readyBefore = readyLines()
  const ask = () =>
    fetch(`http://127.0.0.1:${setup.port}/store/regions`, {
      headers: { "x-publishable-api-key": publishableKey },
      signal: AbortSignal.timeout(10_000),
    }).then(
      async (response) => (await response.arrayBuffer(), response.status === 200),
      () => false
    )
  // At least `minimum` requests, whatever `until` says: a late ready line must not end the count before it began.
  const tally = async (until: () => boolean, limitMs: number, minimum = 0) => {
    const counts = { ok: 0, failed: 0 }
    const deadline = Date.now() + limitMs
    while ((counts.ok + counts.failed < minimum || !until()) && Date.now() < deadline) {
      counts[(await ask()) ? "ok" : "failed"]++
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    return counts
  }
  const victim = members.find((member) => member.role === "server-1" && parentOf(member.pid) === cliPid)?.pid
  if (!victim) {
    throw new Error(`no server-1 among the processes of tienda start (roles: ${roles.join(", ")})`)
  }
  process.kill(victim, "SIGKILL")
  const killedAt = Date.now()
  const duringReplacement = await tally(() => readyLines() > readyBefore, 120_000, 10)
  const replacedInMs = Date.now() - killedAt
  let asked = 0
  const afterReplacement = await tally(() => ++asked > 40, 60_000)
  const exitCode = await stopShop(setup)
  // A grandchild may end a moment after the process that waited for its parent: only one still running after a few
  // seconds is left behind (named by its command line).
  const survivors = () => group.filter((pid) => pid !== victim && alive(pid))
  for (const deadline = Date.now() + 5_000; survivors().length > 0 && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const leftBehind = survivors().map((pid) => `${pid} ${commandOf(pid)}`)
  return { roles, extras, duringReplacement, replacedInMs, afterReplacement, exitCode, leftBehind }
}

function descendantsOf(pid: number): number[] {
  const parents = new Map<number, number>()
  for (const entry of fs.readdirSync("/proc")) {
    if (/^\d+$/.test(entry)) {
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8")
        parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]))
      } catch {
        // gone while read
      }
    }
  }
  const found: number[] = []
  for (const [child, parent] of parents) {
    if (parent === pid) {
      found.push(child, ...descendantsOf(child))
    }
  }
  return found
}

function roleOf(pid: number): string | undefined {
  try {
    const environ = fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0")
    return environ.find((line) => line.startsWith("TIENDA_PROCESS_NAME="))?.slice("TIENDA_PROCESS_NAME=".length)
  } catch {
    return undefined
  }
}

/** Running: a zombie (ended, not yet reaped by its new parent) is not. */
function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0] !== "Z"
  } catch {
    return false
  }
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1])
  } catch {
    return undefined
  }
}

function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim()
  } catch {
    return "(gone)"
  }
}
