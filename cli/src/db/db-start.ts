import fs from "node:fs"
import path from "node:path"
import { spawn } from "node:child_process"
import { findProjectRoot, projectPaths } from "../shared/project"
import { loadProjectEnv } from "../shared/env"
import { info, step } from "../shared/log"
import { ensureDatabase } from "./database"
import { backgroundLogFile, embeddedUrl, runningBackgroundServer } from "./background-server"
import { embeddedServerRunning } from "./shop-database"

const CLI = path.join(__dirname, "..", "..", "bin", "tienda.js")

/**
 * `tienda db start`: the embedded PostgreSQL in the background, detached from this terminal, until
 * `tienda db stop`. `tienda start`, `seed`, `plugin add`, `user create` and `doctor` use it while it runs.
 */
export async function startDatabase(): Promise<number> {
  const root = findProjectRoot()
  loadProjectEnv(root)
  const paths = projectPaths(root)
  if (process.env.DATABASE_URL) {
    throw new Error("DATABASE_URL is set: the shop uses that server, and tienda manages only the embedded one")
  }
  const running = runningBackgroundServer(paths)
  if (running) {
    info(`The embedded PostgreSQL is already running (pid ${running.pid}): ${embeddedUrl(running.port)}`)
    return 0
  }
  if (embeddedServerRunning(paths)) {
    throw new Error("The embedded PostgreSQL is running under `tienda start` (or a command like it); stop that first")
  }
  fs.mkdirSync(paths.state, { recursive: true })
  const done = step("Starting the embedded PostgreSQL in the background")
  const log = fs.openSync(backgroundLogFile(paths), "a")
  const holder = spawn(process.execPath, [CLI, "db", "serve"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", log, log],
  })
  holder.unref()
  fs.closeSync(log)
  const server = await waitUntilServing(paths, holder.pid!)
  // The shop's database, so `db psql` and every other command find it.
  await ensureDatabase(embeddedUrl(server.port))
  done(`listening on localhost:${server.port} (pid ${server.pid})`)
  info(`  ${embeddedUrl(server.port)}`)
  info("  `npx tienda db stop` stops it; `npx tienda db psql` opens a SQL shell.")
  return 0
}

async function waitUntilServing(paths: ReturnType<typeof projectPaths>, pid: number) {
  for (let waited = 0; waited < 90_000; waited += 200) {
    const server = runningBackgroundServer(paths)
    if (server?.pid === pid) {
      return server
    }
    try {
      process.kill(pid, 0)
    } catch {
      throw new Error(`The embedded PostgreSQL did not start; see ${backgroundLogFile(paths)} and ${paths.postgresLog}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`The embedded PostgreSQL did not start within 90 s; see ${backgroundLogFile(paths)}`)
}
