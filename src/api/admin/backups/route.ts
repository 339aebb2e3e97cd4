import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readBackupSummaries } from "../../../lib/backups/backup-summaries"
import { readBackupStatus } from "../../../lib/backups/backup-status"
import { backupsDirOf } from "../../../lib/backups/backups-dir"
import { projectRootOf } from "../../../lib/secrets/state-dir"
import { settings } from "../../../lib/settings"
import { lastBackupAnswer } from "./last-backup"
import type { AdminBackupsQuery } from "./validators"

/**
 * GET /admin/backups?limit&offset: the shop's complete backups, newest first, the outcome of the newest attempt and
 * the schedule. Read from the backups folder at each request, so a backup taken by hand shows at once.
 */
export const GET = async (req: MedusaRequest<unknown, AdminBackupsQuery>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery
  const backupsDir = backupsDirOf(projectRootOf(process.cwd()))
  const all = readBackupSummaries(backupsDir)
  const { intervalHours, keep, walArchive } = settings().backups
  res.json({
    backups: all.slice(offset, offset + limit).map((backup) => ({
      name: backup.name,
      created_at: backup.createdAt,
      bytes: backup.bytes,
      orders: backup.orders,
      tables: backup.tables,
      seconds: backup.seconds,
    })),
    count: all.length,
    limit,
    offset,
    last: lastBackupAnswer(readBackupStatus(backupsDir)),
    schedule: { interval_hours: intervalHours, keep, wal_archive: walArchive },
  })
}
