import { spawn, spawnSync, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { freePort } from "../helpers/free-port"
import { root } from "../helpers/shop-process"
import { sharedShop, type SharedShop } from "../helpers/shared-shop"

jest.setTimeout(10 * 60_000)

const PROMETHEUS = process.env.PROMETHEUS_PATH || "/usr/bin/prometheus"
const RULES = path.join(root, "ops/prometheus/tienda-alerts.yml")
const BOUND_MS = 90_000

/**
 * A real Prometheus (Debian's package) scrapes the running shop's metrics listener, with Tienda's shipped rules
 * loaded: it answers PromQL on the request-duration histogram after known traffic, and every shipped rule evaluates
 * on the live data without error. Bounded: Prometheus gets 90 s to show each result, and is stopped at the end.
 */
describe("Prometheus scrapes the shop", () => {
  let shop: SharedShop
  let prometheus: ChildProcess | undefined
  let promOutput = ""
  let api = ""
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tienda-prometheus-"))

  beforeAll(async () => {
    if (!fs.existsSync(PROMETHEUS) || spawnSync(PROMETHEUS, ["--version"]).status !== 0) {
      throw new Error(`Prometheus is needed at ${PROMETHEUS}: apt-get install prometheus (or set PROMETHEUS_PATH)`)
    }
    shop = await sharedShop()
    const port = await freePort()
    api = `http://127.0.0.1:${port}/api/v1`
    fs.copyFileSync(RULES, path.join(dir, "tienda-alerts.yml"))
    fs.writeFileSync(
      path.join(dir, "prometheus.yml"),
      [
        "global: { scrape_interval: 1s, evaluation_interval: 1s }",
        "rule_files: [tienda-alerts.yml]",
        "scrape_configs:",
        "  - job_name: tienda-server",
        `    static_configs: [{ targets: ["127.0.0.1:${shop.metricsPort}"] }]`,
        "",
      ].join("\n")
    )
    prometheus = spawn(
      PROMETHEUS,
      [
        `--config.file=${path.join(dir, "prometheus.yml")}`,
        `--storage.tsdb.path=${path.join(dir, "data")}`,
        `--web.listen-address=127.0.0.1:${port}`,
        "--storage.tsdb.retention.time=1h",
      ],
      { cwd: dir }
    )
    prometheus.stdout!.on("data", (chunk) => (promOutput += chunk))
    prometheus.stderr!.on("data", (chunk) => (promOutput += chunk))
  })

  afterAll(async () => {
    if (prometheus && prometheus.exitCode === null) {
      prometheus.kill("SIGTERM")
      await new Promise((resolve) => prometheus!.once("exit", resolve))
    }
    fs.rmSync(dir, { recursive: true, force: true })
  })

  /** Runs a PromQL instant query until `accept` takes its result (or the bound runs out). */
  async function queryUntil<T>(query: string, accept: (result: any[]) => T | undefined): Promise<T> {
    const deadline = Date.now() + BOUND_MS
    let last: unknown
    for (;;) {
      if (prometheus?.exitCode !== null) {
        throw new Error(`Prometheus exited:\n${promOutput.slice(-2000)}`)
      }
      try {
        const response = await fetch(`${api}/query?query=${encodeURIComponent(query)}`)
        const body: any = await response.json()
        last = body
        const accepted = body.status === "success" ? accept(body.data.result) : undefined
        if (accepted !== undefined) {
          return accepted
        }
      } catch (error) {
        last = error
      }
      if (Date.now() > deadline) {
        throw new Error(`${query}: no acceptable answer in ${BOUND_MS / 1000} s; last: ${JSON.stringify(last)}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
  }

  /** The shop's own count of 2xx answers on `route`, read from its metrics listener. */
  async function shopCounter(route: string): Promise<number> {
    const text = await (await fetch(`http://127.0.0.1:${shop.metricsPort}/metrics`)).text()
    let total = 0
    for (const line of text.split("\n")) {
      const match = /^tienda_http_request_duration_seconds_count\{([^}]*)\} (\S+)/.exec(line)
      if (match && match[1].includes(`route="${route}"`) && match[1].includes('status_class="2xx"')) {
        total += Number(match[2])
      }
    }
    return total
  }

  it("answers PromQL on the request-duration histogram after known traffic", async () => {
    await queryUntil('up{job="tienda-server"}', (result) => (result[0]?.value[1] === "1" ? true : undefined))
    const route = "/store/regions"
    // The shop's own counter is the ground truth; Prometheus's last scrape may predate a request made just before.
    const before = await shopCounter(route)
    const requests = 25
    for (let i = 0; i < requests; i++) {
      const response = await fetch(`${shop.base}${route}`, {
        headers: { "x-publishable-api-key": shop.publishableKey },
      })
      expect(response.status).toBe(200)
      await response.arrayBuffer()
    }
    const scraped = await queryUntil(
      `sum(tienda_http_request_duration_seconds_count{route="${route}", status_class="2xx"})`,
      (result) => (Number(result[0]?.value[1]) >= before + requests ? Number(result[0].value[1]) : undefined)
    )
    // Prometheus shows the requests sent and nothing the shop did not count (another spec may browse meanwhile).
    expect(scraped).toBeGreaterThanOrEqual(before + requests)
    expect(scraped).toBeLessThanOrEqual(await shopCounter(route))
    const p99 = await queryUntil(
      `histogram_quantile(0.99, sum by (le) (tienda_http_request_duration_seconds_bucket{route="${route}"}))`,
      (result) => (result[0] && Number.isFinite(Number(result[0].value[1])) ? Number(result[0].value[1]) : undefined)
    )
    expect(p99).toBeGreaterThan(0)
    expect(p99).toBeLessThanOrEqual(10)
    // The series carry the process labels, and route labels are templates only.
    const labels = await queryUntil("count by (route) (tienda_http_request_duration_seconds_count)", (result) =>
      result.length > 0 ? result.map((series: any) => series.metric.route as string) : undefined
    )
    for (const label of labels) {
      expect(label).toMatch(/^(\/[a-z0-9_:./-]*|unmatched)$/i)
      expect(label).not.toMatch(/(prod|cart|order|reg)_[0-9A-Z]{20,}/)
    }
  })

  it("evaluates every shipped rule on the live data without error", async () => {
    const deadline = Date.now() + BOUND_MS
    for (;;) {
      const body: any = await (await fetch(`${api}/rules`)).json()
      const rules = body.data.groups.flatMap((group: any) => group.rules)
      const evaluated = rules.filter((rule: any) => rule.lastEvaluation && !rule.lastEvaluation.startsWith("0001"))
      if (rules.length > 0 && evaluated.length === rules.length) {
        expect(
          rules.filter((rule: any) => rule.health !== "ok").map((rule: any) => [rule.name, rule.lastError])
        ).toEqual([])
        // The recording rules produce series from the shop's metrics.
        const recorded = rules.filter((rule: any) => rule.type === "recording").map((rule: any) => rule.name)
        expect(recorded.length).toBeGreaterThan(0)
        return
      }
      if (Date.now() > deadline) {
        throw new Error(`rules not all evaluated in ${BOUND_MS / 1000} s: ${JSON.stringify(body).slice(0, 1000)}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
  })
})
