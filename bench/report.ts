import fs from "node:fs"
import path from "node:path"
import { config } from "./config"
import type { Catalog } from "./database"
import type { Scenario } from "./scenarios"
import type { System } from "./systems"

export interface Measurement {
  system: string
  scenario: string
  rps: number
  p50: number | null
  p95: number | null
  p99: number | null
  errors: number
  rssMb: number
  statuses?: Record<string, number>
  steps?: Record<string, { p50: number; p95: number; p99: number }>
  /** Checkout: CPU seconds per order in the shop's own processes and on the whole machine. */
  cpuPerOrder?: { shop: number; machine: number }
  /** A system with a cache in front (tienda-cdn): what that cache counted during the scenario. */
  proxy?: ProxyCounters
}

/** A caching proxy's counters: answers it served from its cache, fetched and kept, passed through uncached. */
export interface ProxyCounters {
  hits: number
  misses: number
  passes: number
}

export interface Rebuild {
  system: string
  /** "search index" (a rebuild from Settings → Search) or "read model" (the product documents, built ahead). */
  what: string
  documents: number
  seconds: number
  productsPerSecond: number
}

const ms = (v: number | null) => (v === null ? "–" : `${v}`)
const ratio = (a?: Measurement, b?: Measurement) => (a && b && b.rps > 0 ? `${(a.rps / b.rps).toFixed(1)}×` : "–")

/** Writes bench/RESULTS.md from the measurements of one run (nothing in it is typed by hand). */
export function writeReport(input: {
  results: Measurement[]
  rebuilds: Rebuild[]
  catalog: Catalog
  runSystems: System[]
  /** Default systems this machine could not run, with why. */
  notRun: string[]
  runScenarios: Scenario[]
  minutes: number
  /** Seconds spent building Tienda and seeding the catalog in this run (0 when they were reused). */
  buildSeconds: number
  seedSeconds: number
  load: number[]
}): string {
  const { results, catalog, runSystems, runScenarios } = input
  const find = (system: string, scenario: string) => results.find((r) => r.system === system && r.scenario === scenario)
  const lines: string[] = [
    "# Benchmark results",
    "",
    `Written by \`npm run bench\` on ${new Date().toISOString()} (run took ${input.minutes.toFixed(1)} min${
      input.buildSeconds || input.seedSeconds
        ? `, of which ${Math.round(input.buildSeconds)} s building Tienda and ${Math.round(input.seedSeconds)} s seeding the catalog: once per machine`
        : ""
    }).`,
    "",
    `- Machine: ${config.cores} cores, ${config.cpuModel}; Node ${process.version}; load average at the end ${input.load.map((l) => l.toFixed(2)).join(" ")}.`,
    `- Catalog: ${catalog.products} products, ${catalog.variantCount} variants (demo store + ${config.products} synthetic), prices in ${catalog.regions.map((r) => r.currency.toUpperCase()).join(" and ")}, stock at 2 locations; seeded once, cloned per system.`,
    `- Load: autocannon from a separate process over loopback, ${config.connections} connections, ${config.duration} s per read scenario after a ${config.warmup} s warm-up; checkout: ${config.shoppers} shoppers for ${config.checkoutDuration} s. Latencies in ms. RSS: the server process tree's peak during the scenario.`,
    "- requests/s counts every answer; `errors` = non-2xx answers + socket errors + timeouts.",
    "",
    "## Systems",
    "",
    ...runSystems.map((s) => `- \`${s.name}\`: ${s.description}`),
    ...input.notRun.map((reason) => `- not run: ${reason}`),
    "",
    "## Scenarios",
    "",
    ...runScenarios.map((s) => `- \`${s.name}\`: ${s.description}`),
    "",
    "## Results",
    "",
    "| scenario | system | req/s (orders/s) | p50 | p95 | p99 | errors | RSS MB |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ]
  // The rebuild has a table of its own below.
  const loadScenarios = runScenarios.filter((s) => s.kind !== "rebuild")
  for (const scenario of loadScenarios) {
    for (const system of runSystems) {
      const r = find(system.name, scenario.name)
      if (r) {
        lines.push(
          `| ${scenario.name} | ${system.name} | ${r.rps} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.errors} | ${r.rssMb} |`
        )
      }
    }
  }
  // Only the pairs whose two systems ran.
  const ran = new Set(results.map((r) => r.system))
  const pairs = (
    [
      ["tienda", "stock"],
      ["tienda", "stock-cache"],
      ["tienda-cdn", "stock"],
      ["tienda-cdn", "tienda"],
      ["tienda-redis", "stock"],
      ["tienda-redis", "stock-cache"],
      ["bare-node", "tienda"],
    ] as const
  ).filter(([a, b]) => ran.has(a) && ran.has(b))
  lines.push(
    "",
    "## Ratios (requests/s)",
    "",
    `| scenario | ${pairs.map(([a, b]) => `${a} / ${b}`).join(" | ")} |`,
    `| --- |${" ---: |".repeat(pairs.length)}`
  )
  for (const scenario of loadScenarios) {
    lines.push(
      `| ${scenario.name} | ${pairs.map(([a, b]) => ratio(find(a, scenario.name), find(b, scenario.name))).join(" | ")} |`
    )
  }
  const proxied = results.filter((r) => r.proxy)
  if (proxied.length) {
    lines.push(
      "",
      "## Through the proxy: hit ratio",
      "",
      "What the cache in front counted during each scenario: answers served from its cache, fetched from Tienda",
      "(and kept), passed through uncached (checkout calls, and nothing else when the scenario only reads).",
      "",
      "| scenario | system | hits | misses | passes | hit ratio |",
      "| --- | --- | ---: | ---: | ---: | ---: |"
    )
    for (const r of proxied) {
      const { hits, misses, passes } = r.proxy!
      const lookups = hits + misses
      const hitRatio = lookups ? `${((100 * hits) / lookups).toFixed(1)} %` : "—"
      lines.push(`| ${r.scenario} | ${r.system} | ${hits} | ${misses} | ${passes} | ${hitRatio} |`)
    }
  }
  if (input.rebuilds.length) {
    lines.push(
      "",
      "## Builds: search index rebuild, read model",
      "",
      "| system | what | documents | seconds | documents/s |",
      "| --- | --- | ---: | ---: | ---: |"
    )
    for (const r of input.rebuilds) {
      lines.push(`| ${r.system} | ${r.what} | ${r.documents} | ${r.seconds.toFixed(1)} | ${r.productsPerSecond} |`)
    }
  }
  const costed = results.filter((r) => r.cpuPerOrder)
  if (costed.length) {
    lines.push(
      "",
      "## CPU per order (checkout)",
      "",
      "CPU seconds (user + system) per order placed: in the shop's processes (servers, worker, HAProxy), and on the",
      "whole machine (PostgreSQL, Redis and the load generator too). Orders/s on a machine with more cores is about",
      "its cores divided by the machine column, while PostgreSQL keeps up.",
      "",
      "| system | orders/s | shop CPU s/order | machine CPU s/order |",
      "| --- | ---: | ---: | ---: |"
    )
    for (const r of costed) {
      lines.push(`| ${r.system} | ${r.rps} | ${r.cpuPerOrder!.shop} | ${r.cpuPerOrder!.machine} |`)
    }
  }
  const withDetail = results.filter((r) => r.errors > 0 || r.steps)
  if (withDetail.length) {
    lines.push("", "## Details", "")
    for (const r of withDetail) {
      lines.push(`- ${r.system} / ${r.scenario}: answers ${JSON.stringify(r.statuses)}`)
      for (const [step, p] of Object.entries(r.steps ?? {})) {
        lines.push(`  - ${step}: p50 ${p.p50} ms, p95 ${p.p95} ms, p99 ${p.p99} ms`)
      }
    }
  }
  const file = path.join(__dirname, process.env.BENCH_RESULTS || "RESULTS.md")
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, lines.join("\n") + "\n")
  return file
}
