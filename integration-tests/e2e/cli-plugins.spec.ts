import fs from "node:fs"
import path from "node:path"
import { Client } from "pg"
import { waitForOutput, stopShop, type RunningShop } from "../helpers/shop-process"
import { makeTempProject, runCli } from "../helpers/temp-project"
import { freePorts } from "../helpers/free-port"
import { spawn } from "node:child_process"

/**
 * The plugin developer's path, for every plugin type, in a throw-away copy of the project: `tienda db start`,
 * `plugin new` → `plugin add` (build, register, migrate) → `tienda start` boots with all five registered →
 * the generated tests pass → `plugin remove` gives medusa-config.ts back byte for byte (`--purge` drops the
 * module's table) → `db stop`. The shop is started without the admin dashboard to keep the build short.
 */
jest.setTimeout(15 * 60_000)

const PLUGINS = [
  { name: "cli-pay", type: "payment" },
  { name: "cli-ship", type: "fulfillment" },
  { name: "cli-find", type: "search" },
  // Its own channel, so it never competes with an email provider the shop may configure.
  { name: "cli-mail", type: "notification", options: ["--option", "channels=cli-log"] },
  { name: "cli-data", type: "module" },
]
const email = "cli-e2e@tienda.test"
const password = "cli-e2e-password-1"

describe("tienda plugin new → add → start → test → remove, for every plugin type", () => {
  const project = makeTempProject()
  const originalConfig = fs.readFileSync(path.join(project, "medusa-config.ts"), "utf8")
  const env: NodeJS.ProcessEnv = { ...process.env }
  // The DB_* variables point at this run's own test PostgreSQL: the copy's `tienda test` must start its own (on
  // TIENDA_TEST_PG_PORT), not create and drop databases on ours.
  for (const name of [
    "DATABASE_URL",
    "NODE_ENV",
    "LOG_LEVEL",
    "TIENDA_STATE_DIR",
    "DB_HOST",
    "DB_PORT",
    "DB_USERNAME",
    "DB_PASSWORD",
    "TIENDA_TEST_TEMPLATE_DB",
  ]) {
    delete env[name]
  }
  let port = 0
  let databaseUrl = ""
  let shop: RunningShop | undefined

  beforeAll(async () => {
    // The shop, its embedded PostgreSQL and the copy's own test PostgreSQL (TIENDA_TEST_PG_PORT).
    const [httpPort, pgPort, testPgPort, metricsPort] = await freePorts(4)
    port = httpPort
    Object.assign(env, {
      PORT: String(httpPort),
      TIENDA_METRICS_PORT: String(metricsPort),
      TIENDA_PG_PORT: String(pgPort),
      TIENDA_TEST_PG_PORT: String(testPgPort),
    })
    databaseUrl = `postgres://postgres:postgres@localhost:${pgPort}/tienda`
  })

  afterAll(async () => {
    if (shop) {
      await stopShop(shop)
    }
    await runCli(project, ["db", "stop"], env)
    fs.rmSync(project, { recursive: true, force: true })
  })

  it("starts the embedded PostgreSQL in the background", async () => {
    const started = await runCli(project, ["db", "start"], env)
    expect(started.code).toBe(0)
    const status = await runCli(project, ["db", "status", "--json"], env)
    expect(JSON.parse(status.output)).toEqual(
      expect.objectContaining({ kind: "embedded", running: true, owner: "tienda db start" })
    )
  })

  it("creates a plugin of each type, and refuses a bad or taken name with exit code 2", async () => {
    for (const plugin of PLUGINS) {
      const created = await runCli(project, ["plugin", "new", plugin.name, "--type", plugin.type], env)
      expect(created.code).toBe(0)
      expect(fs.existsSync(path.join(project, "plugins", plugin.name, "README.md"))).toBe(true)
    }
    const taken = await runCli(project, ["plugin", "new", "cli-pay", "--type", "payment"], env)
    expect(taken).toEqual({ code: 2, output: expect.stringContaining("plugins/cli-pay already exists") })
    const invalid = await runCli(project, ["plugin", "new", "Cli_Pay", "--type", "payment"], env)
    expect(invalid).toEqual({ code: 2, output: expect.stringContaining("is not a valid plugin name") })
  })

  it("adds each one: builds it, registers it in medusa-config.ts and migrates", async () => {
    for (const [index, plugin] of PLUGINS.entries()) {
      const started = Date.now()
      // Migrating once, with the last one, covers all five and keeps the run short.
      const migrate = index === PLUGINS.length - 1 ? [] : ["--no-migrate"]
      const added = await runCli(
        project,
        ["plugin", "add", `./plugins/${plugin.name}`, ...(plugin.options ?? []), ...migrate],
        env
      )
      expect({ plugin: plugin.name, code: added.code, output: added.output }).toEqual({
        plugin: plugin.name,
        code: 0,
        output: expect.stringContaining(`Registered @tienda/${plugin.name}`),
      })
      expect(added.output).toContain(`Building plugin ${plugin.name}`)
      process.stdout.write(`plugin add ${plugin.name}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
    }
    const config = fs.readFileSync(path.join(project, "medusa-config.ts"), "utf8")
    expect(config).toContain('{ resolve: "@tienda/cli-pay/providers/cli-pay", id: "cli-pay" }')
    expect(config).toContain('{ resolve: "@medusajs/medusa/fulfillment-manual", id: "manual" }')
    expect(config).toContain(
      '{ resolve: "@tienda/cli-mail/providers/cli-mail", id: "cli-mail", options: { channels: ["cli-log"] } }'
    )
    expect(config).toContain('{ resolve: "@tienda/cli-data", options: {} }')

    const list = JSON.parse((await runCli(project, ["plugin", "list", "--json"], env)).output).filter(
      (row: { name: string }) => row.name.startsWith("@tienda/cli-")
    )
    expect(
      list.map((row: { name: string; built: string; registered: string[] }) => [
        row.name,
        row.built,
        row.registered.length > 0,
      ])
    ).toEqual(PLUGINS.map((plugin) => [`@tienda/${plugin.name}`, "yes", true]).sort())
    await withDatabase(async (client) => {
      expect((await client.query("SELECT to_regclass('public.cli_data_entry') AS t")).rows[0].t).toBe("cli_data_entry")
    })
  })

  it("adding the same plugin again changes nothing", async () => {
    const before = fs.readFileSync(path.join(project, "medusa-config.ts"), "utf8")
    const again = await runCli(project, ["plugin", "add", "./plugins/cli-pay"], env)
    expect(again.code).toBe(0)
    expect(again.output).toContain("already registered")
    expect(again.output).not.toContain("Building plugin")
    expect(fs.readFileSync(path.join(project, "medusa-config.ts"), "utf8")).toBe(before)
  })

  it("boots the shop with every plugin registered", async () => {
    shop = startTempShop(
      project,
      { ...env, DISABLE_MEDUSA_ADMIN: "true", TIENDA_ADMIN_EMAIL: email, TIENDA_ADMIN_PASSWORD: password },
      port
    )
    await waitForOutput(shop, "Press Ctrl-C to stop.", 10 * 60_000).catch((error: Error) => {
      const logs = ["build.log", "migrate.log"]
        .map((name) => path.join(project, ".tienda", name))
        .filter((file) => fs.existsSync(file))
      throw new Error(
        `${error.message}\n${logs.map((file) => `--- ${file}\n${fs.readFileSync(file, "utf8").slice(-3000)}`).join("\n")}`
      )
    })
    expect(shop.output()).toContain("Using the embedded PostgreSQL that `tienda db start` runs")

    const login = await fetch(`http://localhost:${port}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    })
    const headers = { authorization: `Bearer ${(await login.json()).token}` }
    const payment = await (
      await fetch(`http://localhost:${port}/admin/payments/payment-providers?limit=100`, { headers })
    ).json()
    expect(payment.payment_providers.map((p: { id: string }) => p.id)).toContain("pp_cliPay_cli-pay")
    const fulfillment = await (
      await fetch(`http://localhost:${port}/admin/fulfillment-providers?limit=100`, { headers })
    ).json()
    expect(fulfillment.fulfillment_providers.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining(["cliShip_cli-ship", "manual_manual"])
    )
    const entries = await fetch(`http://localhost:${port}/admin/cli-data/entries`, { headers })
    expect(entries.status).toBe(200)
    expect(await entries.json()).toEqual({ entries: [], count: 0 })
    await withDatabase(async (client) => {
      // The Notification Module records its providers by id, with the channels each one delivers.
      const providers = await client.query("SELECT id, channels FROM notification_provider WHERE is_enabled")
      expect(providers.rows).toEqual(expect.arrayContaining([{ id: "cli-mail", channels: ["cli-log"] }]))
    })
    expect(await stopShop(shop)).toBe(0)
    shop = undefined
  })

  it("runs the generated tests of all five plugins, and they pass", async () => {
    const tested = await runCli(project, ["test", "plugins/cli-"], env)
    expect({ code: tested.code, output: tested.output }).toEqual({
      code: 0,
      output: expect.stringMatching(/Test Suites: 7 passed, 7 total/),
    })
  })

  it("removes them all, giving medusa-config.ts back byte for byte; --purge drops the module's table", async () => {
    for (const plugin of PLUGINS) {
      const purge = plugin.type === "module" ? ["--purge"] : []
      const removed = await runCli(project, ["plugin", "remove", plugin.name, ...purge], env)
      expect({ plugin: plugin.name, code: removed.code }).toEqual({ plugin: plugin.name, code: 0 })
    }
    expect(fs.readFileSync(path.join(project, "medusa-config.ts"), "utf8")).toBe(originalConfig)
    await withDatabase(async (client) => {
      expect((await client.query("SELECT to_regclass('public.cli_data_entry') AS t")).rows[0].t).toBeNull()
    })
  })

  it("stops the background PostgreSQL", async () => {
    expect((await runCli(project, ["db", "stop"], env)).code).toBe(0)
    const status = JSON.parse((await runCli(project, ["db", "status", "--json"], env)).output)
    expect(status.running).toBe(false)
  })

  async function withDatabase(work: (client: Client) => Promise<void>): Promise<void> {
    const client = new Client({ connectionString: databaseUrl })
    await client.connect()
    try {
      await work(client)
    } finally {
      await client.end()
    }
  }
})

function startTempShop(cwd: string, env: NodeJS.ProcessEnv, port: number): RunningShop {
  let output = ""
  const child = spawn(process.execPath, [path.join(__dirname, "../../cli/bin/tienda.js"), "start", "--no-seed"], {
    cwd,
    env,
  })
  child.stdout.on("data", (chunk) => (output += chunk))
  child.stderr.on("data", (chunk) => (output += chunk))
  return {
    child,
    port,
    pgPort: Number(env.TIENDA_PG_PORT),
    metricsPort: Number(env.TIENDA_METRICS_PORT),
    output: () => output,
  }
}
