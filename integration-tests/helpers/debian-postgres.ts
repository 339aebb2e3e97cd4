import { execFileSync, spawnSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { freePort } from "./free-port"

/** Debian's PostgreSQL server binaries (package postgresql-15), whose pg_dump/pg_restore are on PATH. */
export const DEBIAN_POSTGRES_BIN = process.env.DEBIAN_POSTGRES_BIN || "/usr/lib/postgresql/15/bin"

export interface ThrowawayPostgres {
  url(database: string): string
  /** Stops the server (its connections are cut, as when an operator restarts it) and keeps its data. */
  shutDown(mode?: "fast" | "immediate"): void
  /** Starts it again on the same port and data. */
  startUp(): void
  stop(): void
}

/**
 * A PostgreSQL server of the test's own, on a free port in a temporary folder, started and stopped with Debian's
 * `initdb`/`pg_ctl` (as the `postgres` user when the tests run as root): a shop's "own server" for DATABASE_URL.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  if (!fs.existsSync(path.join(DEBIAN_POSTGRES_BIN, "pg_ctl"))) {
    throw new Error(`PostgreSQL's server binaries are needed in ${DEBIAN_POSTGRES_BIN}: apt-get install postgresql-15`)
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tienda-own-postgres-"))
  fs.chmodSync(dir, 0o755)
  const data = path.join(dir, "data")
  const asRoot = process.getuid?.() === 0
  const user = asRoot
    ? {
        uid: Number(execFileSync("id", ["-u", "postgres"]).toString()),
        gid: Number(execFileSync("id", ["-g", "postgres"]).toString()),
      }
    : {}
  if (asRoot) {
    fs.chownSync(dir, user.uid!, user.gid!)
  }
  const port = await freePort()
  const pg = (tool: string, args: string[]) => {
    const result = spawnSync(path.join(DEBIAN_POSTGRES_BIN, tool), args, { ...user, encoding: "utf8", cwd: dir })
    if (result.status !== 0) {
      throw new Error(`${tool} failed: ${result.stderr || result.stdout}`)
    }
  }
  pg("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync"])
  const startUp = () =>
    pg("pg_ctl", [
      "-D",
      data,
      "-l",
      path.join(dir, "log"),
      "-w",
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
      "start",
    ])
  startUp()
  return {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    shutDown: (mode = "fast") => pg("pg_ctl", ["-D", data, "-m", mode, "-w", "stop"]),
    startUp,
    stop: () => {
      // Already stopped by shutDown() is fine.
      spawnSync(path.join(DEBIAN_POSTGRES_BIN, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], user)
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
