import fs from "node:fs"
import path from "node:path"
import { listBackups, readManifest } from "../../../src/lib/backups/backup-manifest"

/**
 * Keeps the newest `keep` backups and deletes the rest, then the archived WAL older than the oldest backup kept
 * (no restore can use it any more). Timeline history files stay. Returns what was deleted.
 */
export function pruneBackups(backupsDir: string, walArchiveDir: string | undefined, keep: number): string[] {
  const backups = listBackups(backupsDir)
  const deleted: string[] = []
  for (const old of backups.slice(keep)) {
    fs.rmSync(old, { recursive: true, force: true })
    deleted.push(old)
  }
  const oldestKept = backups.slice(0, keep).at(-1)
  const oldestWal = oldestKept ? readManifest(oldestKept).wal : undefined
  if (oldestWal && walArchiveDir && fs.existsSync(walArchiveDir)) {
    // Segment names are timeline (8 hex) then position (16 hex); a position before the backup's start is unneeded.
    const firstNeeded = oldestWal.firstSegment.slice(8)
    for (const name of fs.readdirSync(walArchiveDir)) {
      const segment = /^[0-9A-F]{8}([0-9A-F]{16})(\.[0-9A-F]{8}\.backup|\.partial)?$/.exec(name)
      if (segment && segment[1] < firstNeeded) {
        fs.rmSync(path.join(walArchiveDir, name), { force: true })
        deleted.push(path.join(walArchiveDir, name))
      }
    }
  }
  return deleted
}
