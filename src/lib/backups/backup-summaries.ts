import path from "node:path"
import { listBackups, readManifest } from "./backup-manifest"

/** What a list of backups shows of each one: its folder name, never its path. */
export interface BackupSummary {
  name: string
  createdAt: string
  bytes: number
  orders: number
  tables: number
  seconds: number
}

/** The complete backups of a folder, newest first; one whose manifest cannot be read is left out, not an error. */
export function readBackupSummaries(backupsDir: string): BackupSummary[] {
  return listBackups(backupsDir).flatMap((dir) => {
    const summary = summaryOf(dir)
    return summary ? [summary] : []
  })
}

function summaryOf(dir: string): BackupSummary | undefined {
  try {
    const manifest = readManifest(dir)
    const summary = {
      name: path.basename(dir),
      createdAt: manifest.createdAt,
      bytes: manifest.bytes,
      orders: manifest.orders,
      tables: manifest.tables.length,
      seconds: manifest.seconds,
    }
    const wellFormed =
      typeof summary.createdAt === "string" &&
      !Number.isNaN(Date.parse(summary.createdAt)) &&
      [summary.bytes, summary.orders, summary.tables, summary.seconds].every(Number.isFinite)
    return wellFormed ? summary : undefined
  } catch {
    // Unreadable JSON, another format, or a manifest without its tables.
    return undefined
  }
}
