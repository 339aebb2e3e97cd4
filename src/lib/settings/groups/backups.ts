import { optional, setting } from "../define"
import { positiveInteger, wholeNumber } from "../types/numbers"
import { onOff } from "../types/switches"
import { text } from "../types/text"

/**
 * Where the embedded database, its change archive and the backups live, and how often the worker backs up. A path
 * that is relative is taken from the project folder. Each may sit on its own disk.
 */
export const backupSettings = {
  pgDataDir: optional("TIENDA_PG_DATA_DIR", text, "the embedded PostgreSQL's data folder, default <state>/postgres"),
  walArchive: setting(
    "TIENDA_PG_WAL_ARCHIVE",
    onOff,
    true,
    "archive the embedded PostgreSQL's changes (WAL) continuously: needed by backups and point-in-time restore"
  ),
  walArchiveDir: optional(
    "TIENDA_PG_WAL_ARCHIVE_DIR",
    text,
    "where the embedded PostgreSQL's WAL is archived, default <state>/postgres-wal-archive (put it on another disk)"
  ),
  walArchiveTimeoutSeconds: setting(
    "TIENDA_PG_WAL_ARCHIVE_TIMEOUT_SECONDS",
    positiveInteger("seconds"),
    60,
    "the longest a change waits before it is archived: the recovery point of a lost data disk"
  ),
  backupDir: optional(
    "TIENDA_BACKUP_DIR",
    text,
    "where `tienda backup` and the scheduled backups write, default <state>/backups"
  ),
  intervalHours: setting(
    "TIENDA_BACKUP_INTERVAL_HOURS",
    wholeNumber("hours"),
    24,
    "the worker backs the shop up this often (0: never; `tienda backup` still works)"
  ),
  keep: setting(
    "TIENDA_BACKUP_KEEP",
    positiveInteger("backups"),
    7,
    "scheduled backups kept; older ones (and their WAL) are deleted"
  ),
}
