import fs from "node:fs"
import path from "node:path"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { redisClientHealth } from "../redis/redis-health"
import { isDraining } from "./drain"

export interface ReadinessCheck {
  name: string
  ok: boolean
  detail?: string
}

export interface Readiness {
  status: "ready" | "not_ready" | "draining"
  checks: ReadinessCheck[]
}

const CHECK_TIMEOUT_MS = 2_000

/**
 * Whether this process should get traffic: not stopping, PostgreSQL answering within 2 s, the app's Redis clients
 * connected (when Redis is configured), and the app's own migrations applied to the database. Unlike liveness
 * (`/health`), a failed dependency here takes the process out of a load balancer without restarting it.
 */
export async function readinessOf(options: { database: Knex; redisConfigured: boolean }): Promise<Readiness> {
  if (isDraining()) {
    return { status: "draining", checks: [] }
  }
  const checks = await Promise.all([
    check("postgres", () => options.database.raw("select 1").then(() => undefined)),
    check("migrations", () => appMigrationsApplied(options.database)),
    ...(options.redisConfigured ? [check("redis", async () => redisClientsUp())] : []),
  ])
  return { status: checks.every((c) => c.ok) ? "ready" : "not_ready", checks }
}

async function check(name: string, run: () => Promise<string | undefined>): Promise<ReadinessCheck> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS)
  })
  try {
    const problem = await Promise.race([run(), timeout])
    return problem === undefined ? { name, ok: true } : { name, ok: false, detail: problem }
  } catch (error) {
    return { name, ok: false, detail: (error as Error).message.split("\n")[0].slice(0, 200) }
  } finally {
    clearTimeout(timer)
  }
}

function redisClientsUp(): string | undefined {
  const down = redisClientHealth().filter((client) => client.down)
  return down.length === 0 ? undefined : `disconnected: ${down.map((client) => client.name).join(", ")}`
}

let migrationsConfirmed = false

/** The newest migration of each of the app's modules is recorded in the database (checked until it is once). */
async function appMigrationsApplied(database: Knex): Promise<string | undefined> {
  if (migrationsConfirmed) {
    return undefined
  }
  const expected = newestAppMigrations()
  if (expected.length === 0) {
    migrationsConfirmed = true
    return undefined
  }
  const rows: { name: string }[] = await database("mikro_orm_migrations").select("name").whereIn("name", expected)
  const applied = new Set(rows.map((row) => row.name))
  const missing = expected.filter((name) => !applied.has(name))
  if (missing.length > 0) {
    return `not applied: ${missing.join(", ")} (run medusa db:migrate)`
  }
  migrationsConfirmed = true
  return undefined
}

/** `Migration<timestamp>` names, the newest of each module under src/modules (compiled or not). */
function newestAppMigrations(): string[] {
  const modulesDir = path.join(__dirname, "..", "..", "modules")
  const names: string[] = []
  for (const module of safeList(modulesDir)) {
    const files = safeList(path.join(modulesDir, module, "migrations"))
      .filter((file) => /^Migration\d+\.(js|ts)$/.test(file))
      .map((file) => file.replace(/\.(js|ts)$/, ""))
      .sort()
    if (files.length > 0) {
      names.push(files[files.length - 1])
    }
  }
  return names
}

function safeList(dir: string): string[] {
  try {
    return fs.readdirSync(dir)
  } catch {
    return []
  }
}
