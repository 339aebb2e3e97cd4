import { spawnSync } from "node:child_process"
import { readFileSync } from "node:fs"
import path from "node:path"
import { metricsRegistry } from "../../src/lib/metrics"

const root = path.resolve(__dirname, "../..")
const rulesFile = "ops/prometheus/tienda-alerts.yml"
const configFile = "ops/prometheus/prometheus.yml"
const rulesTestFile = "ops/prometheus/tienda-alerts.test.yml"
const dashboardFile = "ops/grafana/tienda-dashboard.json"
const readmeFile = "ops/README.md"

/**
 * The metrics Tienda's processes expose, read from the code's own registry (src/lib/metrics): a metric renamed there
 * and not in ops/ fails this spec.
 */
const declared = (metricsRegistry.getMetricsAsArray() as unknown as Array<{ name: string; type?: string }>).filter(
  (metric) => metric.name.startsWith("tienda_")
)
const TIENDA_HISTOGRAMS = declared.filter((metric) => metric.type === "histogram").map((metric) => metric.name)
const TIENDA_COUNTERS_AND_GAUGES = declared.filter((metric) => metric.type !== "histogram").map((metric) => metric.name)
/** prom-client's collectDefaultMetrics (v15), and the `up` series Prometheus writes for every target. */
const RUNTIME_METRICS = [
  "process_cpu_user_seconds_total",
  "process_cpu_system_seconds_total",
  "process_cpu_seconds_total",
  "process_start_time_seconds",
  "process_resident_memory_bytes",
  "process_virtual_memory_bytes",
  "process_heap_bytes",
  "process_open_fds",
  "process_max_fds",
  ...["", "_min", "_max", "_mean", "_stddev", "_p50", "_p90", "_p99"].map((s) => `nodejs_eventloop_lag${s}_seconds`),
  "nodejs_active_handles",
  "nodejs_active_handles_total",
  "nodejs_active_requests",
  "nodejs_active_requests_total",
  "nodejs_active_resources",
  "nodejs_active_resources_total",
  "nodejs_heap_size_total_bytes",
  "nodejs_heap_size_used_bytes",
  "nodejs_external_memory_bytes",
  "nodejs_heap_space_size_total_bytes",
  "nodejs_heap_space_size_used_bytes",
  "nodejs_heap_space_size_available_bytes",
  "nodejs_version_info",
  ...["_bucket", "_sum", "_count"].map((s) => `nodejs_gc_duration_seconds${s}`),
  "up",
]
const EXPOSED = new Set([
  ...TIENDA_HISTOGRAMS.flatMap((name) => ["_bucket", "_sum", "_count"].map((s) => name + s)),
  ...TIENDA_COUNTERS_AND_GAUGES,
  ...RUNTIME_METRICS,
])

const PROMQL_WORDS = new Set([
  "and",
  "or",
  "unless",
  "by",
  "without",
  "on",
  "ignoring",
  "group_left",
  "group_right",
  "offset",
  "bool",
  "inf",
  "nan",
])

/**
 * The series names a PromQL expression reads: what is left once strings, label matchers, ranges, grouping clauses,
 * Grafana variables, keywords and function names are taken out.
 */
function metricNamesIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\{[^}]*\}/g, " ")
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, " ")
    .replace(/\$\{?\w+\}?/g, " ")
  const names = new Set<string>()
  for (const match of bare.matchAll(/(?<![\w.:])[a-zA-Z_:][\w:]*(?![\w:])(?!\s*\()/g)) {
    if (!PROMQL_WORDS.has(match[0].toLowerCase())) {
      names.add(match[0])
    }
  }
  return [...names]
}

/** Series an expression reads without both `process=~"$process"` and `mode=~"$mode"` (`up` has neither label). */
function unfilteredSeriesIn(expr: string): string[] {
  const selector = /([a-zA-Z_:][\w:]*)\s*\{((?:[^}"]|"(?:[^"\\]|\\.)*")*)\}/g
  const filtered = (matchers: string) => matchers.includes('process=~"$process"') && matchers.includes('mode=~"$mode"')
  const withMatchers = [...expr.matchAll(selector)].filter((m) => m[1] !== "up" && !filtered(m[2])).map((m) => m[0])
  const bare = metricNamesIn(expr.replace(selector, " ")).filter((name) => name !== "up")
  return [...withMatchers, ...bare]
}

interface Rule {
  kind: "alert" | "record"
  name: string
  expr: string
  /** The rule's lines as written, to read its labels and annotations. */
  text: string
}

/**
 * The rules of a rule file, read line by line: promtool has already parsed the file (the tests above), and this
 * file keeps to one shape — `- alert:`/`- record:` first, `expr:` on one line or as a `>`/`|` block.
 */
function rulesOf(source: string): Rule[] {
  const lines = source.split("\n")
  const rules: Rule[] = []
  let current: { kind: Rule["kind"]; name: string; lines: string[] } | undefined
  const close = () => {
    if (current) {
      rules.push({
        kind: current.kind,
        name: current.name,
        expr: exprOf(current.lines),
        text: current.lines.join("\n"),
      })
    }
  }
  for (const line of lines) {
    const start = /^\s*- (alert|record):\s*(\S+)/.exec(line)
    if (start || /^\s*- name:/.test(line)) {
      close()
      current = start ? { kind: start[1] as Rule["kind"], name: start[2], lines: [] } : undefined
    }
    current?.lines.push(line)
  }
  close()
  return rules
}

function exprOf(lines: string[]): string {
  const at = lines.findIndex((line) => /^\s*expr:/.test(line))
  if (at < 0) {
    return ""
  }
  const [, indent, value] = /^(\s*)expr:\s*(.*)$/.exec(lines[at])!
  if (!/^[>|][-+]?$/.test(value)) {
    return value.replace(/^(["'])(.*)\1$/, "$2")
  }
  const block: string[] = []
  for (const line of lines.slice(at + 1)) {
    if (line.trim() !== "" && line.search(/\S/) <= indent.length) {
      break
    }
    block.push(line.trim())
  }
  return block.join(" ").trim()
}

interface Panel {
  id: number
  type: string
  title: string
  datasource?: { type: string; uid: string }
  targets?: { expr?: string; datasource?: { uid: string } }[]
  panels?: Panel[]
}

interface Dashboard {
  schemaVersion: number
  panels: Panel[]
  templating: { list: { name: string; type: string; query: string | { query: string } }[] }
}

function read(file: string): string {
  return readFileSync(path.join(root, file), "utf8")
}

function promtool(...args: string[]): { status: number | null; output: string } {
  const command = process.env.PROMTOOL ?? "promtool"
  const run = spawnSync(command, args, { cwd: root, encoding: "utf8", timeout: 60_000 })
  if (run.error && (run.error as NodeJS.ErrnoException).code === "ENOENT") {
    throw new Error(
      `promtool is not installed (looked for \`${command}\`): apt-get install prometheus ` +
        "(Debian's package ships promtool), or set PROMTOOL to its path"
    )
  }
  if (run.error) {
    throw run.error
  }
  return { status: run.status, output: `${run.stdout}${run.stderr}` }
}

/** GitHub's anchor for a Markdown heading. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-")
}

describe("ops/: the monitoring files", () => {
  const rules = rulesOf(read(rulesFile))
  const recorded = new Set(rules.filter((rule) => rule.kind === "record").map((rule) => rule.name))
  const alerts = rules.filter((rule) => rule.kind === "alert")
  const dashboard = JSON.parse(read(dashboardFile)) as Dashboard
  const panels = dashboard.panels.flatMap((panel) => [panel, ...(panel.panels ?? [])])

  describe("Prometheus rules and config (promtool)", () => {
    it("the rule file passes promtool check rules", () => {
      const run = promtool("check", "rules", rulesFile)
      expect({ status: run.status, output: run.output }).toEqual({
        status: 0,
        output: expect.stringMatching(/SUCCESS/),
      })
    })

    it("the scrape config passes promtool check config, its rule file included", () => {
      const run = promtool("check", "config", configFile)
      expect({ status: run.status, output: run.output }).toEqual({
        status: 0,
        output: expect.stringMatching(/SUCCESS: 1 rule files found/),
      })
    })

    it("the alerts fire on their unit tests' failing series and stay quiet on the healthy ones", () => {
      const run = promtool("test", "rules", rulesTestFile)
      expect({ status: run.status, output: run.output }).toEqual({
        status: 0,
        output: expect.stringMatching(/SUCCESS/),
      })
    })
  })

  describe("the rules", () => {
    it("are all read: every rule has an expression", () => {
      const declared = read(rulesFile).match(/^\s*- (?:alert|record):/gm) ?? []
      expect(rules).toHaveLength(declared.length)
      expect(rules.filter((rule) => rule.expr === "").map((rule) => rule.name)).toEqual([])
      expect(alerts.length).toBeGreaterThanOrEqual(10)
    })

    it("read only metrics Tienda exposes and series they record themselves", () => {
      const unknown = rules.flatMap((rule) =>
        metricNamesIn(rule.expr)
          .filter((name) => !EXPOSED.has(name) && !recorded.has(name))
          .map((name) => `${rule.name}: ${name}`)
      )
      expect(unknown).toEqual([])
    })

    it("give every alert a severity, a summary, a description and a runbook section that exists", () => {
      const anchors = new Set(
        read(readmeFile)
          .split("\n")
          .filter((line) => /^#{1,6}\s/.test(line))
          .map((line) => anchorOf(line.replace(/^#+/, "")))
      )
      const problems = alerts.flatMap((alert) => {
        const runbook = /^\s*runbook:\s*ops\/README\.md#(\S+)\s*$/m.exec(alert.text)?.[1]
        return [
          /^\s*severity:\s*(critical|warning)\s*$/m.test(alert.text) ? [] : [`${alert.name}: no severity`],
          /^\s*summary:/m.test(alert.text) ? [] : [`${alert.name}: no summary`],
          /^\s*description:/m.test(alert.text) ? [] : [`${alert.name}: no description`],
          /^\s*for:\s*\d+[smh]\s*$/m.test(alert.text) ? [] : [`${alert.name}: no for:`],
          runbook === undefined ? [`${alert.name}: no runbook`] : [],
          runbook !== undefined && !anchors.has(runbook)
            ? [`${alert.name}: no section #${runbook} in ops/README.md`]
            : [],
        ].flat()
      })
      expect(problems).toEqual([])
    })

    it("are all in ops/README.md's alert table", () => {
      const tableRows = read(readmeFile)
        .split("\n")
        .filter((line) => line.startsWith("|"))
      const missing = [...new Set(alerts.map((alert) => alert.name))].filter(
        (name) => !tableRows.some((row) => row.includes(`[${name}]`))
      )
      expect(missing).toEqual([])
    })
  })

  describe("the Grafana dashboard", () => {
    it("reads only metrics Tienda exposes and the rule file's recorded series", () => {
      const expressions = [
        ...panels.flatMap((panel) => (panel.targets ?? []).map((target) => [panel.title, target.expr ?? ""])),
        ...dashboard.templating.list
          .filter((variable) => variable.type === "query")
          .map((variable) => {
            const query = typeof variable.query === "string" ? variable.query : variable.query.query
            return [`$${variable.name}`, /^label_values\((.*),\s*\w+\)$/.exec(query)?.[1] ?? query]
          }),
      ]
      expect(expressions.filter(([, expr]) => expr.trim() === "")).toEqual([])
      const unknown = expressions.flatMap(([where, expr]) =>
        metricNamesIn(expr)
          .filter((name) => !EXPOSED.has(name) && !recorded.has(name))
          .map((name) => `${where}: ${name}`)
      )
      expect(unknown).toEqual([])
    })

    it("shows every Tienda metric (directly or through a recorded series)", () => {
      const read = new Set([
        ...panels.flatMap((panel) => (panel.targets ?? []).flatMap((target) => metricNamesIn(target.expr ?? ""))),
        ...rules.filter((rule) => rule.kind === "record").flatMap((rule) => metricNamesIn(rule.expr)),
      ])
      const unread = [...TIENDA_HISTOGRAMS, ...TIENDA_COUNTERS_AND_GAUGES].filter(
        (name) => !read.has(name) && !["_bucket", "_sum", "_count"].some((s) => read.has(name + s))
      )
      expect(unread).toEqual([])
    })

    it("has the rows, the data source variable on every panel, the pickers and unique panel ids", () => {
      expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(36)
      expect(panels.filter((panel) => panel.type === "row").map((panel) => panel.title)).toEqual([
        "Traffic",
        "Checkout & payments",
        "Medusa internals",
        "Database",
        "Catalog & search",
        "Runtime",
        "Rate limits & notifications",
        "Backups",
      ])
      expect(dashboard.templating.list.map((variable) => `${variable.name}:${variable.type}`)).toEqual([
        "DS_PROMETHEUS:datasource",
        "mode:query",
        "process:query",
      ])
      const ids = panels.map((panel) => panel.id)
      expect(new Set(ids).size).toBe(ids.length)
      const offSource = panels
        .filter((panel) => panel.type !== "row")
        .filter(
          (panel) =>
            panel.datasource?.uid !== "${DS_PROMETHEUS}" ||
            (panel.targets ?? []).length === 0 ||
            (panel.targets ?? []).some((target) => target.datasource?.uid !== "${DS_PROMETHEUS}")
        )
        .map((panel) => panel.title)
      expect(offSource).toEqual([])
    })

    it("filters every Tienda series by the process and mode pickers", () => {
      const unfiltered = panels.flatMap((panel) =>
        (panel.targets ?? []).flatMap((target) =>
          unfilteredSeriesIn(target.expr ?? "").map((s) => `${panel.title}: ${s}`)
        )
      )
      expect(unfiltered).toEqual([])
    })
  })

  describe("metricNamesIn", () => {
    it("finds series names, not functions, labels, keywords or variables", () => {
      expect(
        metricNamesIn(
          'histogram_quantile(0.99, sum by (job, le) (rate(a_bucket{route=~"/store/.*", x="by(y)"}[$__rate_interval])))' +
            " / on (job) group_left b:c:rate5m offset 1h > bool 1e3 and up unless sum without (le) (d)"
        ).sort()
      ).toEqual(["a_bucket", "b:c:rate5m", "d", "up"])
    })
  })
})
