import fs from "node:fs"
import path from "node:path"
import { findProjectRoot, projectPaths, UsageError } from "../shared/project"
import { embeddedPort, loadProjectEnv } from "../shared/env"
import { info, step, warn } from "../shared/log"
import { ensureDatabase, redact, withClient } from "../db/database"
import { DEFAULT_EMBEDDED_PORT, EMBEDDED_DATABASE } from "../db/embedded-postgres"
import { embeddedServerRunning } from "../db/shop-database"
import { backupSettings } from "../../../src/lib/settings/groups/backups"
import { readSetting } from "../../../src/lib/settings/read-settings"
import { checkBackupFiles, readManifest, type BackupManifest } from "../../../src/lib/backups/backup-manifest"
import { orderCount, recordedMigrations } from "./database-facts"
import { startRestoredCluster } from "./restore-cluster"
import { restoreLogicalBackup } from "./logical-backup"
import { compareTableChecksums, tableChecksums } from "./table-checksums"

export interface RestoreCommandOptions {
  to?: string
  force?: boolean
  verify?: boolean
  wal?: string[]
}

/**
 * `tienda restore <backup>`: the backup becomes the shop's embedded database (TIENDA_STATE_DIR or
 * TIENDA_PG_DATA_DIR choose where). `--to <time>` replays the archived changes up to that moment. A data folder
 * that holds a database is kept: the command refuses, or with `--force` moves it aside (its newest WAL then serves
 * the replay too). The shop must be stopped.
 */
export async function restoreShop(backup: string, options: RestoreCommandOptions): Promise<number> {
  const root = findProjectRoot()
  loadProjectEnv(root)
  const paths = projectPaths(root)
  const backupDir = path.resolve(backup)
  const manifest = readManifest(backupDir)
  const target = options.to === undefined ? undefined : parseTime(options.to)
  if (target && target.getTime() < Date.parse(manifest.createdAt)) {
    throw new UsageError(
      `--to ${options.to} is before this backup was taken (${manifest.createdAt}): pick an older one`
    )
  }
  if (target && options.verify) {
    throw new UsageError("--verify compares with the backup's own moment; it cannot be combined with --to")
  }
  let done = step("Checking the backup's files against its manifest")
  const damaged = await checkBackupFiles(backupDir, manifest)
  if (damaged.length > 0) {
    done("damaged")
    damaged.forEach((problem) => warn(problem))
    info(`${backupDir} is damaged; nothing was restored.`)
    return 1
  }
  done()
  if (manifest.kind === "logical") {
    return restoreLogical(backupDir, manifest, options)
  }
  if (embeddedServerRunning(paths)) {
    throw new UsageError(`The shop's database is running (${paths.postgresData}): stop the shop, then restore.`)
  }

  const walSources = [paths.walArchive, ...(options.wal ?? []).map((dir) => path.resolve(dir))]
  let aside: string | undefined
  if (fs.existsSync(path.join(paths.postgresData, "PG_VERSION"))) {
    if (!options.force) {
      throw new UsageError(
        `${paths.postgresData} already holds a database. Restore into another state folder (TIENDA_STATE_DIR), ` +
          "or add --force to move this one aside first."
      )
    }
    aside = `${paths.postgresData}.before-restore-${new Date().toISOString().replace(/[-:.]/g, "")}`
    fs.renameSync(paths.postgresData, aside)
    walSources.push(path.join(aside, "pg_wal"))
    info(`• Moved the current database aside to ${aside}`)
  }

  done = step(
    target
      ? `Restoring ${backupDir} and replaying the archived changes up to ${target.toISOString()}`
      : `Restoring ${backupDir}`
  )
  fs.mkdirSync(paths.state, { recursive: true })
  const cluster = await undoOnFailure(paths.postgresData, aside, () =>
    startRestoredCluster({
      backupDir,
      dataDir: paths.postgresData,
      port: embeddedPort("TIENDA_PG_PORT", DEFAULT_EMBEDDED_PORT),
      logFile: paths.postgresLog,
      targetTime: target,
      walSources: walSources.filter((dir) => fs.existsSync(dir)),
      walArchive: readSetting(backupSettings.walArchive, process.env)
        ? { dir: paths.walArchive, timeoutSeconds: readSetting(backupSettings.walArchiveTimeoutSeconds, process.env) }
        : undefined,
    })
  )
  let result: number
  try {
    result = await checkRestored(cluster.url(manifest.database ?? EMBEDDED_DATABASE), manifest, options.verify, done)
  } finally {
    await cluster.stop()
  }
  if (result === 0) {
    info(`Restored into ${paths.postgresData}. Start the shop with npm start.`)
  }
  return result
}

/**
 * A pg_dump backup of a shop on its own server goes into the database DATABASE_URL names: an empty one, or with
 * `--force` over the tables the backup recreates. Point-in-time recovery of such a server is the server's own.
 */
async function restoreLogical(backupDir: string, manifest: BackupManifest, options: RestoreCommandOptions) {
  const url = process.env.DATABASE_URL
  if (!url) {
    throw new UsageError(
      "This backup is a pg_dump of a shop on its own server: set DATABASE_URL to the database to restore into"
    )
  }
  if (options.to) {
    throw new UsageError(
      "--to replays the embedded server's WAL archive; for your own server use its point-in-time recovery"
    )
  }
  await ensureDatabase(url)
  const tables = await withClient(url, async (client) =>
    Number(
      (
        await client.query(
          "SELECT count(*) AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
        )
      ).rows[0].n
    )
  )
  if (tables > 0 && !options.force) {
    throw new UsageError(
      `${redact(url)} already holds ${tables} tables: restore into an empty database, or add --force to replace them`
    )
  }
  const done = step(`Restoring ${backupDir} into ${redact(url)} (pg_restore)`)
  await restoreLogicalBackup(backupDir, url, tables > 0)
  const result = await checkRestored(url, manifest, options.verify, done)
  if (result === 0) {
    info(`Restored into ${redact(url)}.`)
  }
  return result
}

/** What the restored database holds (orders, migrations), and with --verify whether every table matches. */
async function checkRestored(
  url: string,
  manifest: BackupManifest,
  verify: boolean | undefined,
  done: (message?: string) => void
): Promise<number> {
  const facts = await withClient(url, async (client) => ({
    orders: await orderCount(client),
    migrations: await recordedMigrations(client),
    problems: verify ? compareTableChecksums(manifest.tables, await tableChecksums(client)) : [],
  }))
  done(`${facts.orders} orders`)
  info(
    `Migrations recorded: ${facts.migrations.mikroOrm} module, ${facts.migrations.links} link, ` +
      `${facts.migrations.scripts} script (newest ${facts.migrations.newest ?? "none"}); ` +
      "npm start applies any newer ones of this code."
  )
  if (verify) {
    facts.problems.forEach((problem) => warn(problem))
    if (facts.problems.length > 0) {
      info("The restored database does not match the backup's manifest.")
      return 1
    }
    info("Every table matches the backup's manifest.")
  }
  return 0
}

function parseTime(text: string): Date {
  const time = new Date(text)
  if (Number.isNaN(time.getTime()) || !/\d{4}-\d{2}-\d{2}/.test(text)) {
    throw new UsageError(
      `--to takes a date and time like 2026-12-06T14:30:00+01:00 or 2026-12-06T13:30:00Z (got "${text}")`
    )
  }
  if (time.getTime() > Date.now()) {
    throw new UsageError(`--to ${text} is in the future`)
  }
  return time
}

/** A restore that fails leaves things as they were: its half-made data folder goes, the one moved aside comes back. */
async function undoOnFailure<T>(dataDir: string, aside: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true })
    if (aside) {
      fs.renameSync(aside, dataDir)
      info(`• Put the database that was there back in ${dataDir}`)
    }
    throw error
  }
}
