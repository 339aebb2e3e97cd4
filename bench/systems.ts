import { randomBytes } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { spawn, spawnSync, type ChildProcess } from "node:child_process"
import { config, root, stateDir } from "./config"
import type { ProxyCounters } from "./report"
// eslint-disable-next-line @typescript-eslint/no-require-imports -- shared with the tests; plain Node
const { varnishInstance } = require("../ops/varnish/varnishd")

/**
 * The systems under test, started one at a time on the same port. Medusa logs only warnings (every system alike:
 * the default `http` level writes a line per request). Tienda's rate limits are off: all load comes from one
 * address and would otherwise be refused after 6,000 requests a minute.
 */
export interface System {
  name: string
  description: string
  /** Needs a database of its own (a clone of the seeded template) and runs the checkout. */
  medusa: boolean
  /** Redis database the system may use (flushed before it starts); kept apart from other users of the server. */
  redisDb?: number
  /** Runs only these scenarios (a variant measured for one question). */
  only?: string[]
  /** Left out of the default run (it answered its one question; bench/README.md keeps the answer): run it by naming it in BENCH_SYSTEMS. */
  optIn?: boolean
  /** Why it cannot run on this machine (a program missing), or undefined. */
  missing?: () => string | undefined
  /** A cache in front: its counters now (the run reports their change over each scenario). */
  proxyCounters?: () => ProxyCounters
  command(databaseUrl: string, redisUrl: string): { cwd: string; args: string[]; env: Record<string, string> }
}

const medusaBin = path.join(root, "node_modules", ".bin", "medusa")
const common = { MEDUSA_DISABLE_TELEMETRY: "true", LOG_LEVEL: "warn", NODE_ENV: "production" }
// Fresh for every run: a secret written in the repository is a published one (tienda doctor refuses it).
const secrets = {
  JWT_SECRET: randomBytes(32).toString("base64url"),
  COOKIE_SECRET: randomBytes(32).toString("base64url"),
}

/** `medusa start` in a folder of the repository (Tienda's build or the stock baseline). */
/** BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"): Node flags for the Medusa servers; NODE_OPTIONS refuses --cpu-prof. */
const nodeArgs = (process.env.BENCH_NODE_ARGS || "").split(" ").filter(Boolean)
const medusaStart = (dir: string, env: Record<string, string>, startArgs: string[] = []) => ({
  cwd: path.join(root, dir),
  args: [
    ...(nodeArgs.length ? [process.execPath, ...nodeArgs, fs.realpathSync(medusaBin)] : [medusaBin]),
    "start",
    ...startArgs,
  ],
  env,
})

/** Tienda's production build, run the way `tienda start` runs it; with a Redis database number, with REDIS_URL. */
function tienda(
  name: string,
  description: string,
  redisDb?: number,
  extra: Partial<System> & { env?: Record<string, string>; startArgs?: string[] } = {}
): System {
  return {
    name,
    description,
    medusa: true,
    redisDb,
    only: extra.only,
    optIn: extra.optIn,
    command: (db, redis) =>
      medusaStart(
        ".medusa/server",
        {
          DATABASE_URL: db,
          TIENDA_RATE_LIMIT: "off",
          REDIS_URL: redisDb === undefined ? "" : redis,
          ...secrets,
          ...extra.env,
        },
        extra.startArgs
      ),
  }
}

/**
 * The production topology (bench/topology.js): HAProxy with ops/haproxy/haproxy.cfg in front of `servers` server
 * processes and the worker, sharing PostgreSQL and Redis. The same build and settings as `tienda-redis`.
 */
function topology(servers: number): System {
  return {
    name: `tienda-lb${servers}`,
    description: `\`tienda-redis\` as ${servers} server process${servers > 1 ? "es" : ""} and a worker behind HAProxy (ops/haproxy)`,
    medusa: true,
    redisDb: 7,
    optIn: true,
    command: (db, redis) => ({
      cwd: root,
      args: [process.execPath, "bench/topology.js"],
      env: {
        DATABASE_URL: db,
        REDIS_URL: redis,
        TIENDA_RATE_LIMIT: "off",
        BENCH_TOPOLOGY_SERVERS: String(servers),
        ...secrets,
      },
    }),
  }
}
const VARNISHD = process.env.VARNISHD_PATH || "/usr/sbin/varnishd"
const VARNISHSTAT = "/usr/bin/varnishstat"
/** Debian's varnish-modules: the VCL purges by surrogate key with it. */
const XKEY_VMOD = "/usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_xkey.so"
const varnishDir = path.join(stateDir, "varnish")

/** `tienda` behind Varnish with ops/varnish/tienda.vcl (bench/cdn.js), purged by Tienda on every change. */
const behindCdn: System = {
  name: "tienda-cdn",
  description: "`tienda` behind Debian's Varnish with ops/varnish/tienda.vcl, purged on every change (bench/cdn.js)",
  medusa: true,
  missing: () => {
    const absent = [VARNISHD, VARNISHSTAT, XKEY_VMOD].filter((file) => !fs.existsSync(file))
    return absent.length ? `${absent.join(", ")} not found: apt-get install varnish varnish-modules` : undefined
  },
  proxyCounters: () => varnishCounters(varnishInstance(varnishDir)),
  command: (db) => ({
    cwd: root,
    args: [process.execPath, "bench/cdn.js"],
    env: {
      DATABASE_URL: db,
      TIENDA_RATE_LIMIT: "off",
      REDIS_URL: "",
      VARNISHD_PATH: VARNISHD,
      BENCH_VARNISH_DIR: varnishDir,
      ...secrets,
    },
  }),
}

/** Varnish's own counts of lookups served from its cache, fetched, and passed. */
function varnishCounters(instance: string): ProxyCounters {
  const out = spawnSync(VARNISHSTAT, ["-n", instance, "-1", "-j"], { encoding: "utf8" })
  if (out.status !== 0) {
    throw new Error(`varnishstat failed: ${out.stderr}`)
  }
  const parsed = JSON.parse(out.stdout)
  const counters = parsed.counters ?? parsed
  const value = (name: string) => Number(counters[name]?.value ?? 0)
  return { hits: value("MAIN.cache_hit"), misses: value("MAIN.cache_miss"), passes: value("MAIN.s_pass") }
}

export const systems: System[] = [
  {
    name: "bare-node",
    description: "bare Node HTTP server, fixed JSON body (the machine's ceiling)",
    medusa: false,
    // It answers every URL with the same body: two scenarios measure the ceiling (one URL, many URLs).
    only: ["products-hot", "products-random"],
    command: () => ({ cwd: root, args: [process.execPath, "bench/bare-server.js"], env: {} }),
  },
  {
    name: "stock",
    description: "stock Medusa 2.21.2 (bench/baseline), no cache",
    medusa: true,
    command: (db) => medusaStart("bench/baseline", { DATABASE_URL: db }),
  },
  {
    name: "stock-cache",
    description: "stock Medusa 2.21.2 with its Caching Module (Redis provider, MEDUSA_FF_CACHING=true)",
    medusa: true,
    redisDb: 6,
    command: (db, redis) =>
      medusaStart("bench/baseline", {
        DATABASE_URL: db,
        BENCH_CACHING: "true",
        MEDUSA_FF_CACHING: "true",
        BENCH_CACHE_REDIS_URL: redis,
      }),
  },
  tienda("tienda", "Tienda production build (.medusa/server), no Redis: in-process response cache"),
  // Opt-in to keep a first run on a new machine under 15 minutes; bench/README.md has its latest numbers.
  tienda(
    "tienda-redis",
    "Tienda production build with REDIS_URL (Redis event bus, workflows, locks, response cache)",
    5,
    { optIn: true }
  ),
  tienda(
    "tienda-queue8",
    "`tienda` with TIENDA_CHECKOUT_CONCURRENCY=8 (checkout only: does the queue of 4 limit it?)",
    undefined,
    {
      only: ["checkout"],
      optIn: true,
      env: { TIENDA_CHECKOUT_CONCURRENCY: "8" },
    }
  ),
  tienda("tienda-metrics-off", "`tienda` with TIENDA_METRICS=off: what the Prometheus metrics cost", undefined, {
    optIn: true,
    env: { TIENDA_METRICS: "off" },
  }),
  tienda(
    "tienda-http-cache-off",
    "`tienda` with TIENDA_HTTP_CACHE=off: what ETags and surrogate keys cost",
    undefined,
    {
      optIn: true,
      env: { TIENDA_HTTP_CACHE: "off" },
    }
  ),
  // Two server processes need Redis: the in-process cache and its generations are per process.
  tienda("tienda-redis-cluster2", "`tienda-redis` as two server processes (`medusa start --cluster 2`)", 5, {
    only: ["checkout"],
    optIn: true,
    startArgs: ["--cluster", "2"],
  }),
  topology(1),
  topology(2),
  behindCdn,
]

export interface Running {
  child: ChildProcess
  stop(): Promise<void>
}

/** BENCH_TIENDA_ENV="NAME=value,NAME=value": extra environment for the Tienda systems (e.g. the checkout queue). */
function extraTiendaEnv(system: System): Record<string, string> {
  if (!system.name.startsWith("tienda")) return {}
  const pairs = (process.env.BENCH_TIENDA_ENV || "").split(",").filter(Boolean)
  return Object.fromEntries(pairs.map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]))
}

export async function startSystem(system: System, databaseUrl: string, redisUrl: string): Promise<Running> {
  const { cwd, args, env } = system.command(databaseUrl, redisUrl)
  const log = fs.openSync(path.join(stateDir, `${system.name}.log`), "w")
  const child = spawn(args[0], args.slice(1), {
    cwd,
    env: { ...process.env, ...common, ...env, ...extraTiendaEnv(system), PORT: String(config.serverPort) },
    stdio: ["ignore", log, log],
    detached: true,
  })
  await waitUntilAnswering(child, system.medusa ? "/health" : "/")
  return {
    child,
    stop: async () => {
      if (child.exitCode === null) {
        process.kill(-child.pid!, "SIGTERM")
        await new Promise((resolve) => {
          const timer = setTimeout(() => {
            try {
              process.kill(-child.pid!, "SIGKILL")
            } catch {
              // already gone
            }
            resolve(null)
          }, 15_000)
          child.once("exit", () => resolve(clearTimeout(timer)))
        })
      }
      fs.closeSync(log)
    },
  }
}

async function waitUntilAnswering(child: ChildProcess, probe: string): Promise<void> {
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the server exited with code ${child.exitCode}; see ${stateDir}`)
    }
    try {
      if ((await fetch(`http://127.0.0.1:${config.serverPort}${probe}`)).ok) {
        return
      }
    } catch {
      // the process ended while it was read
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error("the server did not answer within 120 s")
}

/** Resident memory (MB) of a process and all its descendants, from /proc. */
/** The process and its descendants, from /proc. */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>()
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8")
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1])
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)])
    } catch {
      // the process ended while it was read
    }
  }
  const tree: number[] = []
  const visit = (p: number) => {
    tree.push(p)
    for (const c of children.get(p) ?? []) visit(c)
  }
  visit(pid)
  return tree
}

export function treeRssMb(pid: number): number {
  let kb = 0
  for (const p of processTree(pid)) {
    try {
      const match = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))
      kb += match ? Number(match[1]) : 0
    } catch {
      // the process ended while it was read
    }
  }
  return Math.round(kb / 1024)
}

/** CPU seconds (user + system) the process tree has used so far. */
export function treeCpuSeconds(pid: number): number {
  let ticks = 0
  for (const p of processTree(pid)) {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, "utf8")
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      ticks += Number(fields[11]) + Number(fields[12])
    } catch {
      // the process ended while it was read
    }
  }
  return ticks / 100 // USER_HZ is 100 on Linux
}

/** CPU seconds (user + system, every core) the whole machine has been busy so far: PostgreSQL and Redis included. */
export function machineCpuSeconds(): number {
  const [user, nice, system, , , irq, softirq, steal] = fs
    .readFileSync("/proc/stat", "utf8")
    .split("\n")[0]
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number)
  return (user + nice + system + irq + softirq + steal) / 100
}
