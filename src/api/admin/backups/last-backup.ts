import path from "node:path"
import type { BackupStatus } from "../../../lib/backups/backup-status"

/** The newest backup attempt as the admin API answers it: the backup's folder name, and no path in its error. */
export function lastBackupAnswer(status: BackupStatus | undefined) {
  if (typeof status?.at !== "string" || typeof status.ok !== "boolean") {
    return null
  }
  return {
    at: status.at,
    ok: status.ok,
    dir: typeof status.dir === "string" ? path.basename(status.dir) : null,
    bytes: status.bytes ?? null,
    seconds: status.seconds ?? null,
    orders: status.orders ?? null,
    verified_at: status.verifiedAt ?? null,
    verified: status.verified ?? null,
    error: typeof status.error === "string" ? withoutPaths(status.error) : null,
  }
}

// An absolute path (not a URL's path) up to whitespace or punctuation that ends it in a message.
const ABSOLUTE_PATH = /(?<![\w.:/~-])\/[^\s'"`,;()<>]+/g

/** Each absolute path reduced to its last part: the message still says which file, not where the shop lives. */
export function withoutPaths(text: string): string {
  return text.replace(ABSOLUTE_PATH, (found) => `…/${path.basename(found)}`)
}
