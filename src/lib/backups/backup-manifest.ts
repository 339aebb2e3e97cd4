import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"

/** One table's content at the moment of a backup: its rows and a checksum of them, whatever their order. */
export interface TableChecksum {
  table: string
  rows: number
  checksum: string
}

export const MANIFEST_FILE = "manifest.json"
export const MANIFEST_FORMAT = "tienda-backup/1"

export interface BackupFile {
  /** Relative to the backup folder, with forward slashes. */
  path: string
  bytes: number
  sha256: string
}

/**
 * What a backup folder holds and how to check it. A physical backup (the embedded server) is `base.tar.gz` (the data
 * folder, copied between pg_backup_start and pg_backup_stop), `backup_label`, and `wal.tar.gz` (every WAL segment
 * from the backup's start to its end, so the folder alone restores); a logical one (a shop on its own server) is
 * `database.dump` (pg_dump's custom format); `uploads.tar.gz` holds the local file provider's files.
 */
export interface BackupManifest {
  format: typeof MANIFEST_FORMAT
  /** physical: the embedded server's data folder and WAL; logical: pg_dump of a shop on its own server. */
  kind: "physical" | "logical"
  createdAt: string
  /** The shop's database in the backed-up cluster (the one the checksums and order count describe; default tienda). */
  database?: string
  /** How long taking it took, checks included. */
  seconds: number
  versions: { tienda: string; medusa: string; postgres: string }
  /** Migrations recorded in the database, per table that records them. */
  migrations: { mikroOrm: number; links: number; scripts: number; newest?: string }
  /** Physical backups only: the WAL they span. */
  wal?: { timeline: number; startLsn: string; stopLsn: string; firstSegment: string; lastSegment: string }
  files: BackupFile[]
  bytes: number
  /** Every table's rows and checksum in the backup, read from a restore of it when it was taken. */
  tables: TableChecksum[]
  orders: number
}

export function readManifest(dir: string): BackupManifest {
  const file = path.join(dir, MANIFEST_FILE)
  if (!fs.existsSync(file)) {
    throw new Error(`${dir} is not a Tienda backup: it has no ${MANIFEST_FILE}`)
  }
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { format?: unknown }
  if (manifest.format !== MANIFEST_FORMAT) {
    throw new Error(`${file} is not a ${MANIFEST_FORMAT} manifest (format: ${JSON.stringify(manifest.format)})`)
  }
  return manifest as BackupManifest
}

export function writeManifest(dir: string, manifest: BackupManifest): void {
  fs.writeFileSync(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`)
}

/** Every file of the backup folder but the manifest, with its size and SHA-256. */
export async function listBackupFiles(dir: string): Promise<BackupFile[]> {
  const files: BackupFile[] = []
  const walk = async (relative: string) => {
    for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name
      if (entry.isDirectory()) {
        await walk(child)
      } else if (child !== MANIFEST_FILE) {
        const full = path.join(dir, child)
        files.push({ path: child, bytes: fs.statSync(full).size, sha256: await sha256(full) })
      }
    }
  }
  await walk("")
  return files.sort((a, b) => a.path.localeCompare(b.path))
}

/** Files missing, added, or not matching their size and checksum: a tampered or damaged backup. */
export async function checkBackupFiles(dir: string, manifest: BackupManifest): Promise<string[]> {
  const actual = new Map((await listBackupFiles(dir)).map((file) => [file.path, file]))
  const problems: string[] = []
  for (const file of manifest.files) {
    const found = actual.get(file.path)
    if (!found) {
      problems.push(`${file.path}: missing`)
    } else if (found.bytes !== file.bytes || found.sha256 !== file.sha256) {
      problems.push(`${file.path}: checksum mismatch (the file changed since the backup)`)
    }
    actual.delete(file.path)
  }
  for (const extra of actual.keys()) {
    problems.push(`${extra}: not in the manifest`)
  }
  return problems
}

function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = crypto.createHash("sha256")
    fs.createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")))
  })
}

/** The complete backups of a folder, newest first (an interrupted `.partial` folder is not one). */
export function listBackups(backupsDir: string): string[] {
  if (!fs.existsSync(backupsDir)) {
    return []
  }
  return fs
    .readdirSync(backupsDir)
    .filter((name) => !name.endsWith(".partial") && fs.existsSync(path.join(backupsDir, name, MANIFEST_FILE)))
    .sort()
    .reverse()
    .map((name) => path.join(backupsDir, name))
}
