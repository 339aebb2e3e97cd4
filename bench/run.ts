/**
 * `npm run bench`: seeds (once) and clones the catalog, then runs every scenario against every system, one after
 * the other, and writes bench/RESULTS.md. Settings: bench/config.ts (environment variables BENCH_*).
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { execFileSync } from "node:child_process"
import { buildApp, buildIsCurrent } from "../cli/src/start/build-app"
import { projectPaths } from "../cli/src/shared/project"
import { findRedisServer, REDIS_SERVER, startThrowawayRedis } from "../cli/src/test/throwaway-redis"
import { config, root, stateDir } from "./config"
import { cloneFor, ensureTemplate, readCatalog, startPostgres, type Catalog } from "./database"
import { scenarios, type Scenario } from "./scenarios"
import { machineCpuSeconds, startSystem, systems, treeCpuSeconds, treeRssMb, type System } from "./systems"
import { writeReport, type Measurement, type ProxyCounters, type Rebuild } from "./report"
import { measureSearchRebuild } from "./search-rebuild"
import { waitForReadModel } from "./read-model-build"
import { runLoad } from "./load-runner"

/** The ones named, or by default all but the opt-in ones. */
const chosen = <T extends { name: string; optIn?: boolean }>(all: T[], names: string[]) =>
  names.length ? all.filter((x) => names.includes(x.name)) : all.filter((x) => !x.optIn)

/**
 * The Redis of the systems that use one: BENCH_REDIS_URL when given (each system then flushes only its own database
 * number), else a throw-away redis-server the run starts on a free port and stops (never the machine's own Redis).
 */
async function benchRedis(needed: boolean): Promise<{ url: string; stop(): Promise<void> } | undefined> {
  if (!needed) return undefined
  if (config.redisUrl) return { url: config.redisUrl, stop: async () => {} }
  const binary = findRedisServer()
  if (!binary) {
    throw new Error(`the systems chosen need Redis: install ${REDIS_SERVER} (apt-get) or set BENCH_REDIS_URL`)
  }
  const redis = await startThrowawayRedis(binary, path.join(stateDir, "redis.log"))
  say(`Redis: a throw-away redis-server on port ${redis.port}`)
  return redis
}

function redisUrlFor(system: System, redis: { url: string } | undefined): string {
  if (system.redisDb === undefined || !redis) return ""
  const url = new URL(redis.url)
  url.pathname = `/${system.redisDb}`
  execFileSync("redis-cli", ["-u", url.toString(), "FLUSHDB"]) // only this system's own database number
  return url.toString()
}

async function measure(system: System, scenario: Scenario, catalog: Catalog, pid: number, duration = config.duration) {
  const base = {
    baseUrl: `http://127.0.0.1:${config.serverPort}`,
    headers: { "x-publishable-api-key": catalog.key, "content-type": "application/json" },
  }
  const shopping = (seconds: number, shoppers: number) => ({
    ...base,
    duration: seconds,
    shoppers,
    regions: catalog.regions,
    variants: catalog.variants,
    shippingOptions: catalog.shippingOptionByRegion,
  })
  if (scenario.kind === "checkout") {
    // CPU per order: the shop's own processes, and the whole machine (PostgreSQL, Redis and the load generator too),
    // so the orders/s of a machine with more cores can be projected.
    const [shopCpu, machineCpu] = [treeCpuSeconds(pid), machineCpuSeconds()]
    const measured = await runLoad("checkout.js", shopping(config.checkoutDuration, config.shoppers), pid)
    const orders = measured.result.rps * config.checkoutDuration
    if (orders > 0) {
      const perOrder = (seconds: number) => Number((seconds / orders).toFixed(2))
      measured.result.cpuPerOrder = {
        shop: perOrder(treeCpuSeconds(pid) - shopCpu),
        machine: perOrder(machineCpuSeconds() - machineCpu),
      }
    }
    return measured
  }
  const reading = runLoad(
    "load.js",
    { ...base, duration, connections: config.connections, rate: scenario.rate, requests: scenario.requests!(catalog) },
    pid
  )
  if (!scenario.buyers || !system.medusa) {
    return reading
  }
  // Orders meanwhile: reported with the read results (their latencies as a step of the scenario's details).
  const [read, { result: bought }] = await Promise.all([
    reading,
    runLoad("checkout.js", shopping(duration, scenario.buyers), pid),
  ])
  const orders = `${bought.orders} orders meanwhile (${bought.rps}/s, ${bought.errors} errors), order latency`
  return {
    ...read,
    result: { ...read.result, steps: { [orders]: { p50: bought.p50, p95: bought.p95, p99: bought.p99 } } },
  }
}

const started = Date.now()
/** A progress line, with the time since the run started. */
function say(line: string): void {
  const seconds = Math.round((Date.now() - started) / 1000)
  console.log(`[${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}] ${line}`)
}

async function main() {
  fs.mkdirSync(stateDir, { recursive: true })
  // A default system this machine cannot run is left out and named in the report; a system asked for by name fails.
  const notRun: string[] = []
  const runSystems = chosen(systems, config.systems).filter((system) => {
    const missing = system.missing?.()
    if (missing && config.systems.length) {
      throw new Error(`${system.name} cannot run here: ${missing}`)
    }
    if (missing) {
      notRun.push(`\`${system.name}\`: ${missing}`)
      say(`not running ${system.name}: ${missing}`)
    }
    return !missing
  })
  const runScenarios = chosen(scenarios, config.scenarios)
  let buildSeconds = 0
  if (runSystems.some((s) => s.name.startsWith("tienda")) && config.build !== "skip") {
    const paths = projectPaths(root)
    if (!buildIsCurrent(paths)) {
      say("building Tienda (medusa build)…")
      await buildApp(paths, { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true" }, path.join(stateDir, "build.log"))
      buildSeconds = (Date.now() - started) / 1000
    }
  }
  const server = await startPostgres()
  const redis = await benchRedis(runSystems.some((system) => system.redisDb !== undefined)).catch(async (error) => {
    await server.stop()
    throw error
  })
  const results: Measurement[] = []
  const rebuilds: Rebuild[] = []
  let catalog: Catalog | undefined
  let seedSeconds = 0
  try {
    const { name: template, seededSeconds } = await ensureTemplate(server)
    seedSeconds = seededSeconds
    say(`catalog ready: ${template}`)
    catalog = await readCatalog(server.url(template))
    for (const system of runSystems) {
      const databaseUrl = system.medusa ? await cloneFor(server, template, system.name) : ""
      const running = await startSystem(system, databaseUrl, redisUrlFor(system, redis))
      const pid = running.child.pid!
      try {
        say(`${system.name}: started, RSS ${treeRssMb(pid)} MB; warming up ${config.warmup} s`)
        // On the first read scenario of the run: a cache in front (tienda-cdn) then counts that scenario's hits only.
        await measure(system, runScenarios.find((s) => s.kind === "read") ?? scenarios[0], catalog, pid, config.warmup)
        const productScenarios = runScenarios.filter(
          (s) => s.name.startsWith("product") && (!system.only || system.only.includes(s.name))
        )
        if (system.name.startsWith("tienda") && productScenarios.length) {
          // Tienda's product read model is built ahead, like a search index: measured, then the scenarios run on it.
          const built = await waitForReadModel(
            `http://127.0.0.1:${config.serverPort}`,
            { "x-publishable-api-key": catalog.key },
            catalog,
            pid
          )
          say(`  read model: ${built.documents} product documents in ${built.seconds} s (${built.productsPerSecond}/s)`)
          rebuilds.push({ system: system.name, what: "read model", ...built })
        }
        for (const scenario of runScenarios) {
          if ((scenario.kind === "checkout" && !system.medusa) || (system.only && !system.only.includes(scenario.name)))
            continue
          if (scenario.kind === "rebuild") {
            // One Tienda system is enough: the rebuild reads and writes PostgreSQL the same way with or without Redis.
            if (rebuilds.some((r) => r.what === "search index") || !system.name.startsWith("tienda")) continue
            const rebuild = await measureSearchRebuild(`http://127.0.0.1:${config.serverPort}`, databaseUrl)
            say(
              `  ${scenario.name}: ${rebuild.documents} products in ${rebuild.seconds} s (${rebuild.productsPerSecond}/s)`
            )
            rebuilds.push({ system: system.name, what: "search index", ...rebuild })
            continue
          }
          const countedBefore = system.proxyCounters?.()
          const { result, rssMb } = await measure(system, scenario, catalog, pid)
          const proxy = countedBefore && difference(system.proxyCounters!(), countedBefore)
          say(
            `  ${scenario.name}: ${result.rps}/s p50 ${result.p50} p95 ${result.p95} p99 ${result.p99} errors ${result.errors} RSS ${rssMb} MB` +
              (proxy ? `; proxy ${proxy.hits} hits, ${proxy.misses} misses, ${proxy.passes} passes` : "")
          )
          results.push({ system: system.name, scenario: scenario.name, rssMb, ...result, ...(proxy ? { proxy } : {}) })
        }
      } finally {
        await running.stop()
        say(`${system.name}: stopped`)
      }
    }
  } finally {
    await redis?.stop()
    await server.stop()
  }
  const file = writeReport({
    results,
    rebuilds,
    catalog: catalog,
    runSystems,
    notRun,
    runScenarios,
    minutes: (Date.now() - started) / 60000,
    buildSeconds,
    seedSeconds,
    load: os.loadavg(),
  })
  console.log(`wrote ${path.relative(process.cwd(), file)} in ${((Date.now() - started) / 60000).toFixed(1)} min`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})

function difference(after: ProxyCounters, before: ProxyCounters): ProxyCounters {
  return { hits: after.hits - before.hits, misses: after.misses - before.misses, passes: after.passes - before.passes }
}
