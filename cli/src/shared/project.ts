import fs from "node:fs"
import path from "node:path"
import { stateDirOf } from "../../../src/lib/secrets/state-dir"
import { embeddedLocations } from "../db/data-location"

/** Where the Tienda app lives: the nearest folder, from the working directory up, holding medusa-config.ts. */
export function findProjectRoot(from = process.cwd()): string {
  let dir = path.resolve(from)
  for (;;) {
    if (fs.existsSync(path.join(dir, "medusa-config.ts")) || fs.existsSync(path.join(dir, "medusa-config.js"))) {
      return dir
    }
    const parent = path.dirname(dir)
    if (parent === dir) {
      throw new UsageError(`No Tienda project here: no medusa-config.ts in ${from} or any folder above it.`)
    }
    dir = parent
  }
}

/**
 * The paths `tienda` reads and writes inside a project. Local state (embedded database, remembered admin
 * password, the install's secrets, logs) lives under `.tienda/` (git-ignored), or under TIENDA_STATE_DIR when that is
 * set (a relative one from the project folder, as medusa-config.ts takes it); the embedded database's folders
 * where src/lib/settings/groups/backups.ts and data-location.ts put them.
 */
export function projectPaths(root: string) {
  const state = stateDirOf(root)
  const embedded = embeddedLocations(root, state)
  return {
    root,
    state,
    postgresData: embedded.data,
    walArchive: embedded.walArchive,
    backups: embedded.backups,
    postgresLog: path.join(state, "postgres.log"),
    testPostgresData: path.join(state, "test-postgres"),
    adminCredentials: path.join(state, "admin.json"),
    secrets: path.join(state, "secrets.json"),
    buildStamp: path.join(state, "build-stamp.json"),
    migrateStamp: path.join(state, "migrate-stamp.json"),
    server: path.join(root, ".medusa", "server"),
    medusaBin: path.join(root, "node_modules", ".bin", "medusa"),
  }
}

export type ProjectPaths = ReturnType<typeof projectPaths>

/** A mistake in how the command was called: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}
