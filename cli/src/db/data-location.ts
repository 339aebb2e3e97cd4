import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { backupsDirOf } from "../../../src/lib/backups/backups-dir"
import { backupSettings } from "../../../src/lib/settings/groups/backups"
import { readSetting } from "../../../src/lib/settings/read-settings"

/** Where the system folders of shops started by root go when the project folder is private (e.g. under /root). */
export const SYSTEM_DATA_ROOT = "/var/lib/tienda"

export interface EmbeddedLocations {
  /** The embedded PostgreSQL's data folder. */
  data: string
  /** Its continuous WAL archive. */
  walArchive: string
  /** Backups written by `tienda backup` and the worker. */
  backups: string
}

/**
 * The embedded database's folders: the settings when given; else under the state folder; but when root runs a
 * project in a folder the `postgres` system user cannot enter (a clone under /root, the usual first try on a fresh
 * server), the server's folders move to /var/lib/tienda/<project>-<hash>, unless data already lives in the state
 * folder. Backups are written by the CLI (root) and stay in the state folder.
 */
export function embeddedLocations(
  root: string,
  state: string,
  env: NodeJS.ProcessEnv = process.env,
  runningAsRoot = isRoot()
): EmbeddedLocations {
  const asked = (value: string | undefined) => (value ? path.resolve(root, value) : undefined)
  const inState = { data: path.join(state, "postgres"), walArchive: path.join(state, "postgres-wal-archive") }
  const serverHome =
    runningAsRoot && !fs.existsSync(path.join(inState.data, "PG_VERSION")) && !othersCanEnter(state)
      ? path.join(SYSTEM_DATA_ROOT, `${path.basename(root)}-${hash(state)}`)
      : undefined
  return {
    data:
      asked(readSetting(backupSettings.pgDataDir, env)) ??
      (serverHome ? path.join(serverHome, "postgres") : inState.data),
    walArchive:
      asked(readSetting(backupSettings.walArchiveDir, env)) ??
      (serverHome ? path.join(serverHome, "postgres-wal-archive") : inState.walArchive),
    backups: backupsDirOf(root, env),
  }
}

/** Whether a user other than the owner can reach `dir`: every existing folder on the way has the "x" bit for others. */
export function othersCanEnter(dir: string): boolean {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (fs.existsSync(current) && (fs.statSync(current).mode & 0o001) === 0) {
      return false
    }
    if (current === path.dirname(current)) {
      return true
    }
  }
}

function hash(text: string): string {
  return crypto.createHash("sha256").update(text).digest("hex").slice(0, 8)
}

export function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0
}
