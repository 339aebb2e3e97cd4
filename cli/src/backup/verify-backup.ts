import { checkBackupFiles, readManifest } from "../../../src/lib/backups/backup-manifest"
import { withScratchRestore } from "./scratch-restore"
import { withScratchDatabase } from "./logical-backup"
import { compareTableChecksums, tableChecksums } from "./table-checksums"

export interface Verification {
  ok: boolean
  problems: string[]
}

/**
 * A backup is good when every file matches the manifest's SHA-256 (a flipped byte fails here, before anything is
 * restored) and a restore of it holds exactly the tables, row counts and contents recorded when it was taken.
 */
export async function verifyBackup(dir: string, database: string, serverUrl?: string): Promise<Verification> {
  const manifest = readManifest(dir)
  const fileProblems = await checkBackupFiles(dir, manifest)
  if (fileProblems.length > 0) {
    return { ok: false, problems: fileProblems }
  }
  if (manifest.kind === "logical" && !serverUrl) {
    throw new Error("A pg_dump backup is checked by restoring it into a scratch database: set DATABASE_URL")
  }
  const tables =
    manifest.kind === "logical"
      ? await withScratchDatabase(serverUrl!, dir, tableChecksums)
      : await withScratchRestore(dir, database, tableChecksums)
  const problems = compareTableChecksums(manifest.tables, tables)
  return { ok: problems.length === 0, problems }
}
