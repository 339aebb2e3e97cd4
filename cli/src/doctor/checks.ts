import net from "node:net"
import path from "node:path"
import type { ProjectPaths } from "../shared/project"
import { userWantsProduction } from "../shared/env"
import { checkMedusaConfig } from "../start/check-config"
import { readShopState, redact, withClient } from "../db/database"
import { readStamp } from "../shared/fingerprint"
import { migrationFingerprint } from "../start/migrate"
import { pluginRows } from "../plugins/list-plugins"

export interface Check {
  name: string
  status: "ok" | "warn" | "fail"
  detail: string
  /** What to do about it, for warn and fail. */
  fix?: string
}

const ok = (name: string, detail: string): Check => ({ name, status: "ok", detail })
const fail = (name: string, detail: string, fix: string): Check => ({ name, status: "fail", detail, fix })
const warn = (name: string, detail: string, fix: string): Check => ({ name, status: "warn", detail, fix })

export function checkNode(): Check {
  const major = Number(process.versions.node.split(".")[0])
  return major >= 20
    ? ok("Node.js", `v${process.versions.node}`)
    : fail("Node.js", `v${process.versions.node} is too old`, "install Node.js 20 or newer")
}

/** Loads medusa-config.ts as `tienda start` would: a bad variable, a missing or weak secret fails here. */
export function checkConfig(root: string): Check {
  const local = !userWantsProduction()
  const before = process.env.TIENDA_LOCAL
  if (local) {
    process.env.TIENDA_LOCAL = "true"
  }
  try {
    checkMedusaConfig(root)
    return ok(
      "Configuration",
      local ? "medusa-config.ts loads (local rules)" : "medusa-config.ts loads with production rules"
    )
  } catch (error) {
    return fail("Configuration", (error as Error).message, "set the variables the message names (see .env.example)")
  } finally {
    if (before === undefined) {
      delete process.env.TIENDA_LOCAL
    } else {
      process.env.TIENDA_LOCAL = before
    }
  }
}

/** Reachable, migrated (and not behind the code, as far as tienda knows), with an admin user. */
export async function checkDatabase(paths: ProjectPaths, databaseUrl: string): Promise<Check[]> {
  try {
    await withClient(databaseUrl, (client) => client.query("SELECT 1"))
  } catch (error) {
    return [
      fail(
        "Database",
        `${redact(databaseUrl)} does not answer: ${(error as Error).message}`,
        "start PostgreSQL or fix DATABASE_URL; `npm start` creates a missing database"
      ),
    ]
  }
  const checks = [ok("Database", `${redact(databaseUrl)} answers`)]
  const state = await readShopState(databaseUrl)
  if (!state.migrated) {
    checks.push(fail("Migrations", "the database has no Medusa tables", "run `npm start` (or `npx medusa db:migrate`)"))
    return checks
  }
  const current = readStamp(paths.migrateStamp) === (await migrationFingerprint(paths, databaseUrl))
  checks.push(
    current
      ? ok("Migrations", "up to date with the code and plugins")
      : warn(
          "Migrations",
          "the schema code or plugins changed since tienda last migrated",
          "run `npm start` (it migrates when needed) or `npx medusa db:migrate`"
        )
  )
  checks.push(
    state.adminEmails.length
      ? ok("Admin user", state.adminEmails.join(", "))
      : fail("Admin user", "there is no admin user", "run `npx tienda user create --email you@example.com`")
  )
  return checks
}

export async function checkRedis(url: string | undefined): Promise<Check | undefined> {
  if (!url) {
    return undefined
  }
  const target = new URL(url)
  try {
    const reply = await ping(target.hostname, Number(target.port || 6379))
    return ok("Redis", `${redact(url)} answers (${reply.trim()})`)
  } catch (error) {
    return fail(
      "Redis",
      `${redact(url)} does not answer: ${(error as Error).message}`,
      "start Redis or unset REDIS_URL"
    )
  }
}

export async function checkElasticsearch(url: string | undefined): Promise<Check | undefined> {
  if (!url) {
    return undefined
  }
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(3_000) })
    return response.status < 500
      ? ok("Elasticsearch", `${redact(url)} answers (HTTP ${response.status})`)
      : fail("Elasticsearch", `${redact(url)} answers HTTP ${response.status}`, "check the server's health")
  } catch (error) {
    return fail(
      "Elasticsearch",
      `${redact(url)} does not answer: ${(error as Error).message}`,
      "start Elasticsearch or unset ELASTICSEARCH_URL"
    )
  }
}

export function checkPlugins(root: string): Check[] {
  return pluginRows(root).map((row) => {
    const name = `Plugin ${row.name}`
    if (row.source === "npm" && row.version === "(not installed)") {
      return fail(
        name,
        "registered in medusa-config.ts but not installed",
        `run \`npm install ${row.name}\` or \`npx tienda plugin remove ${row.name}\``
      )
    }
    if (row.built === "no" || row.built === "stale") {
      const dir = path.relative(root, path.join(root, "plugins"))
      return fail(
        name,
        row.built === "no" ? "not built" : "sources changed since its build",
        `run \`npx tienda plugin add ./${dir}/…\` or \`npm start\` (both build it)`
      )
    }
    return ok(
      name,
      `${row.kind}, ${row.registered.length ? `registered (${row.registered.join(", ")})` : "not registered"}`
    )
  })
}

function ping(host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port })
    const timer = setTimeout(() => socket.destroy(new Error("no reply within 3 s")), 3_000)
    socket.once("connect", () => socket.write("PING\r\n"))
    socket.once("data", (data) => {
      clearTimeout(timer)
      socket.end()
      resolve(data.toString())
    })
    socket.once("error", (error) => {
      clearTimeout(timer)
      reject(error)
    })
  })
}
