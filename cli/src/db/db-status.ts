import fs from "node:fs"
import { findProjectRoot, projectPaths } from "../shared/project"
import { embeddedPort, loadProjectEnv } from "../shared/env"
import { info } from "../shared/log"
import { redact, withClient } from "./database"
import { DEFAULT_EMBEDDED_PORT } from "./embedded-postgres"
import { embeddedUrl, runningBackgroundServer } from "./background-server"
import { embeddedServerRunning } from "./shop-database"

export interface DatabaseStatus {
  kind: "external" | "embedded"
  running: boolean
  /** "tienda db start", "another tienda command" (e.g. tienda start), or undefined when stopped. */
  owner?: string
  pid?: number
  url: string
  dataDir?: string
  /** The server's version and the shop database's size, when it answers. */
  version?: string
  databaseSize?: string
}

/** `tienda db status [--json]`: which PostgreSQL the shop uses, whether it runs, and who runs it. */
export async function databaseStatus(options: { json?: boolean }): Promise<number> {
  const root = findProjectRoot()
  loadProjectEnv(root)
  const status = await readDatabaseStatus(projectPaths(root))
  if (options.json) {
    process.stdout.write(`${JSON.stringify(status, null, 2)}\n`)
    return 0
  }
  if (status.kind === "external") {
    info(`DATABASE_URL: ${redact(status.url)} (${status.running ? `answering, ${status.version}` : "not answering"})`)
  } else if (!status.running) {
    info(`The embedded PostgreSQL is stopped (data in ${status.dataDir}). \`npx tienda db start\` starts it.`)
  } else {
    info(`The embedded PostgreSQL is running (pid ${status.pid}, started by ${status.owner})`)
    info(`  ${status.url}`)
    info(`  data in ${status.dataDir}${status.databaseSize ? `, shop database ${status.databaseSize}` : ""}`)
  }
  return 0
}

export async function readDatabaseStatus(paths: ReturnType<typeof projectPaths>): Promise<DatabaseStatus> {
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL
    return { kind: "external", url, running: true, ...(await probe(url).catch(() => ({ running: false }))) }
  }
  const background = runningBackgroundServer(paths)
  const port = background?.port ?? embeddedPort("TIENDA_PG_PORT", DEFAULT_EMBEDDED_PORT)
  const url = embeddedUrl(port)
  const status: DatabaseStatus = { kind: "embedded", running: false, url, dataDir: paths.postgresData }
  if (background) {
    Object.assign(status, { running: true, owner: "tienda db start", pid: background.pid })
  } else if (embeddedServerRunning(paths)) {
    const pid = Number(fs.readFileSync(`${paths.postgresData}/postmaster.pid`, "utf8").split("\n")[0])
    Object.assign(status, { running: true, owner: "another tienda command (e.g. tienda start)", pid })
  }
  if (status.running) {
    Object.assign(status, await probe(url).catch(() => ({})))
  }
  return status
}

async function probe(url: string): Promise<{ version: string; databaseSize?: string }> {
  const admin = new URL(url)
  const database = decodeURIComponent(admin.pathname.slice(1))
  admin.pathname = "/postgres"
  return withClient(admin.toString(), async (client) => {
    const version = (await client.query("SHOW server_version")).rows[0].server_version
    const size = await client.query(
      "SELECT pg_size_pretty(pg_database_size(datname)) AS size FROM pg_database WHERE datname = $1",
      [database]
    )
    return { version: `PostgreSQL ${version}`, databaseSize: size.rows[0]?.size }
  })
}
