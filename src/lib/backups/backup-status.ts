import fs from "node:fs"
import path from "node:path"

/** The outcome of the newest backup attempt, kept beside the backups for the worker's metrics and the admin. */
export interface BackupStatus {
  at: string
  ok: boolean
  dir?: string
  bytes?: number
  seconds?: number
  orders?: number
  tables?: number
  /** When the backup was last restored and checked (at creation, or by --verify), and the result. */
  verifiedAt?: string
  verified?: boolean
  error?: string
}

export const STATUS_FILE = "last-backup.json"

export function writeBackupStatus(backupsDir: string, status: BackupStatus): void {
  fs.mkdirSync(backupsDir, { recursive: true })
  const file = path.join(backupsDir, STATUS_FILE)
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(status, null, 2)}\n`)
  fs.renameSync(`${file}.tmp`, file)
}

export function readBackupStatus(backupsDir: string): BackupStatus | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(backupsDir, STATUS_FILE), "utf8"))
  } catch {
    return undefined
  }
}
