import fs from "node:fs"
import path from "node:path"
import { findProjectRoot, projectPaths } from "../shared/project"
import { loadProjectEnv } from "../shared/env"
import { info, warn } from "../shared/log"
import { run } from "../shared/run"
import { readDatabaseStatus } from "./db-status"

/**
 * `tienda db psql [-- psql arguments]`: a SQL shell on the shop's database. The embedded package ships only the
 * server (initdb, pg_ctl, postgres), so this uses a psql from PATH or a Debian/Ubuntu PostgreSQL install; without
 * one it says so and prints the connection URL for any other client.
 */
export async function openPsql(args: string[]): Promise<number> {
  const root = findProjectRoot()
  loadProjectEnv(root)
  const status = await readDatabaseStatus(projectPaths(root))
  if (!status.running) {
    throw new Error("The embedded PostgreSQL is not running: `npx tienda db start` starts it")
  }
  const psql = findPsql()
  if (!psql) {
    warn("No psql program found: the embedded PostgreSQL package ships only the server (initdb, pg_ctl, postgres).")
    warn("Install PostgreSQL's client (e.g. apt-get install postgresql-client) or connect any client to:")
    info(status.url)
    return 1
  }
  try {
    await run(psql, [status.url, ...args])
    return 0
  } catch {
    return 1
  }
}

export function findPsql(): string | undefined {
  const onPath = (process.env.PATH ?? "").split(path.delimiter).map((dir) => path.join(dir, "psql"))
  const debian = fs.existsSync("/usr/lib/postgresql")
    ? fs
        .readdirSync("/usr/lib/postgresql")
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => `/usr/lib/postgresql/${version}/bin/psql`)
    : []
  return [...onPath, ...debian].find((candidate) => fs.existsSync(candidate))
}
