import { execFile } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { promisify } from "node:util"
import { takeBaseBackup } from "./base-backup"
import { takeLogicalBackup } from "./logical-backup"
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

/** Folders Medusa's own local file provider wrote uploads to before Tienda's (relative to the project). */
const UPLOAD_FOLDERS = ["static", ".medusa/server/static"]

/**
 * `tar` arguments for every folder of uploaded files that exists: the old ones above, and the File Module's folder
 * (product images, admin uploads: TIENDA_FILE_DIR, default <state>/uploads), wherever it is.
 */
export function uploadArchiveArgs(projectRoot: string, filesDir: string): string[] {
  const args = UPLOAD_FOLDERS.filter((folder) => fs.existsSync(path.join(projectRoot, folder))).flatMap((folder) => [
    "-C",
    projectRoot,
    folder,
  ])
  if (fs.existsSync(filesDir) && !UPLOAD_FOLDERS.some((folder) => path.resolve(projectRoot, folder) === filesDir)) {
    const inside = path.relative(projectRoot, filesDir)
    args.push(
      ...(inside && !inside.startsWith("..") && !path.isAbsolute(inside)
        ? ["-C", projectRoot, inside]
        : ["-C", path.dirname(filesDir), path.basename(filesDir)])
    )
  }
  return args
}

/**
 * Takes a backup of the shop into a new folder of `backupsDir` named by its time. A physical one is read back once
 * before it counts (a backup that does not restore fails here, not on the day it is needed); a logical one's
 * checksums come from the dump's own snapshot. The folder is written
 * as `<name>.partial` and renamed at the end, so an interrupted backup never looks like a complete one.
 */
export async function createBackup(
  server: ShopServer,
  options: {
    projectRoot: string
    backupsDir: string
    /** The File Module's folder (fileStorageOf). */
    filesDir: string
    progress: (message: string) => (done?: string) => void
  }
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
    const database = decodeURIComponent(new URL(server.url).pathname.slice(1))
    const taken =
      server.kind === "embedded"
        ? await physical(server, partial, options.progress)
        : await logical(server.url, partial, options.progress)
    const uploads = uploadArchiveArgs(options.projectRoot, options.filesDir)
    if (uploads.length > 0) {
      const folders = uploads.filter((_, i) => i % 3 === 2)
      const done = options.progress(`Copying uploaded files (${folders.join(", ")})`)
      await run("tar", ["-czf", path.join(partial, "uploads.tar.gz"), ...uploads])
      done()
    }
    const files = await listBackupFiles(partial)
    const manifest: BackupManifest = {
      format: MANIFEST_FORMAT,
      kind: taken.kind,
      createdAt: new Date(started).toISOString(),
      database,
      seconds: 0,
      versions: {
        tienda: packageVersion(options.projectRoot, "."),
        medusa: packageVersion(options.projectRoot, "node_modules/@medusajs/medusa"),
        postgres: taken.postgresVersion,
      },
      migrations: taken.migrations,
      wal: taken.wal,
      files,
      bytes: files.reduce((sum, file) => sum + file.bytes, 0),
      tables: taken.tables,
      orders: taken.orders,
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

type Progress = (message: string) => (done?: string) => void

/** The embedded server: PostgreSQL's base backup, then a restore of it into a scratch server for the checksums. */
async function physical(server: Extract<ShopServer, { kind: "embedded" }>, outDir: string, progress: Progress) {
  let done = progress(`Copying the database (${server.dataDir}) while it runs`)
  const base = await takeBaseBackup({
    url: server.url,
    dataDir: server.dataDir,
    walArchiveDir: server.walArchiveDir,
    outDir,
  })
  done()
  done = progress("Restoring it into a scratch server to record every table's rows and checksum")
  const database = decodeURIComponent(new URL(server.url).pathname.slice(1))
  const contents = await withScratchRestore(outDir, database, async (client) => ({
    tables: await tableChecksums(client),
    migrations: await recordedMigrations(client),
    orders: await orderCount(client),
  }))
  done(`${contents.tables.length} tables, ${contents.orders} orders`)
  const { firstSegment, lastSegment, startLsn, stopLsn, timeline } = base
  return {
    kind: "physical" as const,
    postgresVersion: base.postgresVersion,
    wal: { timeline, startLsn, stopLsn, firstSegment, lastSegment },
    ...contents,
  }
}

/** The shop's own server: pg_dump, with the checksums read in the dump's own snapshot. */
async function logical(url: string, outDir: string, progress: Progress) {
  const done = progress("Dumping the database (pg_dump) and recording every table's rows and checksum")
  const dump = await takeLogicalBackup(url, outDir)
  done(`${dump.tables.length} tables, ${dump.orders} orders`)
  return { kind: "logical" as const, wal: undefined, ...dump }
}

function packageVersion(root: string, folder: string): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, folder, "package.json"), "utf8")).version
  } catch {
    return "unknown"
  }
}
