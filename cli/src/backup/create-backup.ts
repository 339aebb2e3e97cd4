import { execFile } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { promisify } from "node:util"
import { takeBaseBackup } from "./base-backup"
import {
  listBackupFiles,
  writeManifest,
  MANIFEST_FORMAT,
  type BackupManifest,
} from "../../../src/lib/backups/backup-manifest"
import { orderCount, recordedMigrations } from "./database-facts"
import { withScratchRestore } from "./scratch-restore"
import { tableChecksums } from "./table-checksums"
import type { ShopServer } from "./shop-server"

const run = promisify(execFile)

/** Folders of uploaded files the local file provider may have written (relative to the project). */
const UPLOAD_FOLDERS = ["static", ".medusa/server/static"]

/**
 * Takes a backup of the shop into a new folder of `backupsDir` named by its time, and reads it back once before
 * calling it done (a backup that does not restore fails here, not on the day it is needed). The folder is written
 * as `<name>.partial` and renamed at the end, so an interrupted backup never looks like a complete one.
 */
export async function createBackup(
  server: ShopServer,
  options: { projectRoot: string; backupsDir: string; progress: (message: string) => (done?: string) => void }
): Promise<{ dir: string; manifest: BackupManifest }> {
  const started = Date.now()
  // 20261206T034506.123Z: sorts by time, and two backups in one second do not collide.
  const name = new Date(started).toISOString().replace(/[-:]/g, "")
  const dir = path.join(options.backupsDir, name)
  const partial = `${dir}.partial`
  // A backup holds every customer's data: only its owner may read it.
  fs.mkdirSync(options.backupsDir, { recursive: true, mode: 0o700 })
  fs.mkdirSync(partial, { mode: 0o700 })
  try {
    let done = options.progress(`Copying the database (${server.dataDir}) while it runs`)
    const base = await takeBaseBackup({
      url: server.url,
      dataDir: server.dataDir,
      walArchiveDir: server.walArchiveDir,
      outDir: partial,
    })
    done()
    const uploads = UPLOAD_FOLDERS.filter((folder) => fs.existsSync(path.join(options.projectRoot, folder)))
    if (uploads.length > 0) {
      done = options.progress(`Copying uploaded files (${uploads.join(", ")})`)
      await run("tar", ["-czf", path.join(partial, "uploads.tar.gz"), "-C", options.projectRoot, ...uploads])
      done()
    }
    done = options.progress("Restoring it into a scratch server to record every table's rows and checksum")
    const database = decodeURIComponent(new URL(server.url).pathname.slice(1))
    const contents = await withScratchRestore(partial, database, async (client) => ({
      tables: await tableChecksums(client),
      migrations: await recordedMigrations(client),
      orders: await orderCount(client),
    }))
    done(`${contents.tables.length} tables, ${contents.orders} orders`)
    const files = await listBackupFiles(partial)
    const manifest: BackupManifest = {
      format: MANIFEST_FORMAT,
      kind: "physical",
      createdAt: new Date(started).toISOString(),
      seconds: 0,
      versions: {
        tienda: packageVersion(options.projectRoot, "."),
        medusa: packageVersion(options.projectRoot, "node_modules/@medusajs/medusa"),
        postgres: base.postgresVersion,
      },
      migrations: contents.migrations,
      wal: {
        timeline: base.timeline,
        startLsn: base.startLsn,
        stopLsn: base.stopLsn,
        firstSegment: base.firstSegment,
        lastSegment: base.lastSegment,
      },
      files,
      bytes: files.reduce((sum, file) => sum + file.bytes, 0),
      tables: contents.tables,
      orders: contents.orders,
    }
    manifest.seconds = Math.round((Date.now() - started) / 100) / 10
    writeManifest(partial, manifest)
    fs.renameSync(partial, dir)
    return { dir, manifest }
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true })
    throw error
  }
}

function packageVersion(root: string, folder: string): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, folder, "package.json"), "utf8")).version
  } catch {
    return "unknown"
  }
}
