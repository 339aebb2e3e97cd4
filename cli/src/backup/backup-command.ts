import fs from "node:fs"
import path from "node:path"
import { findProjectRoot, projectPaths, UsageError, type ProjectPaths } from "../shared/project"
import { embeddedServerRunning } from "../db/shop-database"
import { fileStorageOf } from "../../../src/modules/file-local-immutable/options"
import { backupSettings } from "../../../src/lib/settings/groups/backups"
import { readSetting } from "../../../src/lib/settings/read-settings"
import { loadProjectEnv } from "../shared/env"
import { info, step, warn } from "../shared/log"
import { EMBEDDED_DATABASE } from "../db/embedded-postgres"
import { listBackups, readManifest } from "../../../src/lib/backups/backup-manifest"
import { writeBackupStatus } from "../../../src/lib/backups/backup-status"
import { createBackup } from "./create-backup"
import { pruneBackups } from "./retention"
import { withShopServer } from "./shop-server"
import { verifyBackup } from "./verify-backup"

export interface BackupOptions {
  scheduled?: boolean
  verify?: string | boolean
  list?: boolean
  keep?: string
  json?: boolean
}

/**
 * `tienda backup`: a consistent copy of the shop's database and uploads, read back before it counts;
 * `--verify [folder]` checks a backup (default the newest) again; `--list`; `--keep N` deletes all but the newest N.
 * Exit 0 when the backup (or check) is good, 1 when it is not.
 */
export async function backupShop(options: BackupOptions): Promise<number> {
  const root = findProjectRoot()
  loadProjectEnv(root)
  const paths = projectPaths(root)
  const out = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
  const progress = options.json || options.scheduled ? () => () => undefined : step

  if (options.list) {
    const backups = listBackups(paths.backups).map((dir) => {
      const manifest = readManifest(dir)
      return { dir, createdAt: manifest.createdAt, bytes: manifest.bytes, orders: manifest.orders }
    })
    if (options.json) {
      out(backups)
    } else {
      backups.forEach((b) => info(`${b.createdAt}  ${megabytes(b.bytes)}  ${b.orders} orders  ${b.dir}`))
      if (backups.length === 0) {
        info(`No backups in ${paths.backups}`)
      }
    }
    return 0
  }

  if (options.verify) {
    const dir = typeof options.verify === "string" ? path.resolve(options.verify) : listBackups(paths.backups)[0]
    if (!dir) {
      throw new UsageError(`No backup to verify in ${paths.backups}`)
    }
    const done = progress(`Checking ${dir}: file checksums, then a restore compared table by table`)
    const result = await verifyBackup(dir, readManifest(dir).database ?? EMBEDDED_DATABASE, process.env.DATABASE_URL)
    done(result.ok ? "good" : "NOT GOOD")
    if (options.json) {
      out({ dir, ...result })
    } else {
      result.problems.forEach((problem) => warn(problem))
      info(result.ok ? `${dir} is good: every file and every table matches.` : `${dir} does not match its manifest.`)
    }
    return result.ok ? 0 : 1
  }

  if (options.scheduled) {
    const skipped = scheduledSkipReason(paths)
    if (skipped) {
      out({ skipped })
      return 0
    }
    options.keep ??= String(readSetting(backupSettings.keep, process.env))
  }
  const keep = options.keep === undefined ? undefined : Number(options.keep)
  if (keep !== undefined && (!Number.isInteger(keep) || keep < 1)) {
    throw new UsageError(`--keep takes a whole number of backups, 1 or more (got "${options.keep}")`)
  }
  try {
    const { dir, manifest } = await withShopServer(paths, (server) =>
      createBackup(server, {
        projectRoot: root,
        backupsDir: paths.backups,
        filesDir: fileStorageOf(root, process.env).uploadDir,
        progress,
      })
    )
    writeBackupStatus(paths.backups, {
      at: manifest.createdAt,
      ok: true,
      dir,
      bytes: manifest.bytes,
      seconds: manifest.seconds,
      orders: manifest.orders,
      tables: manifest.tables.length,
      verifiedAt: new Date().toISOString(),
      verified: true,
    })
    const pruned = keep === undefined ? [] : pruneBackups(paths.backups, paths.walArchive, keep)
    if (options.json) {
      out({ dir, manifest: { ...manifest, files: manifest.files.length, tables: manifest.tables.length }, pruned })
    } else {
      info(
        `Backup ${dir}: ${megabytes(manifest.bytes)}, ${manifest.tables.length} tables, ${manifest.orders} orders, ` +
          `restored and checked, in ${manifest.seconds} s`
      )
      if (pruned.length > 0) {
        info(`Deleted ${pruned.length} old backups and archived WAL files (keeping ${keep})`)
      }
    }
    return 0
  } catch (error) {
    writeBackupStatus(paths.backups, {
      at: new Date().toISOString(),
      ok: false,
      error: String((error as Error).message),
    })
    throw error
  }
}

/** Why the worker's hourly call does not back up now: scheduled backups off, not due yet, or no embedded database. */
function scheduledSkipReason(paths: ProjectPaths): string | undefined {
  const hours = readSetting(backupSettings.intervalHours, process.env)
  if (hours === 0) {
    return "scheduled backups are off (TIENDA_BACKUP_INTERVAL_HOURS=0)"
  }
  if (!embeddedServerRunning(paths) && process.env.DATABASE_URL) {
    return "the shop uses its own PostgreSQL (DATABASE_URL): its server's backups apply (`tienda backup` takes a pg_dump by hand)"
  }
  if (!fs.existsSync(path.join(paths.postgresData, "PG_VERSION"))) {
    return `no embedded database in ${paths.postgresData} yet`
  }
  const newest = listBackups(paths.backups)[0]
  // A few minutes of slack: an hourly check must not skip a whole hour because the last backup ended late.
  const due = newest ? Date.parse(readManifest(newest).createdAt) + hours * 3_600_000 - 5 * 60_000 : 0
  return Date.now() < due ? `not due before ${new Date(due).toISOString()}` : undefined
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
