import fs from "node:fs"
import path from "node:path"
import { type BackupManifest, MANIFEST_FORMAT, writeManifest } from "../../src/lib/backups/backup-manifest"

export interface BackupFixture {
  createdAt: string
  bytes: number
  orders: number
  tables: number
  seconds: number
}

/** A backup folder with a manifest as `tienda backup` writes it (and no data files: only the manifest is read). */
export function writeBackupFixture(backupsDir: string, name: string, fixture: BackupFixture): string {
  const dir = path.join(backupsDir, name)
  fs.mkdirSync(dir, { recursive: true })
  const manifest: BackupManifest = {
    format: MANIFEST_FORMAT,
    kind: "physical",
    createdAt: fixture.createdAt,
    seconds: fixture.seconds,
    versions: { tienda: "0.0.0-test", medusa: "2.21.2", postgres: "18.4" },
    migrations: { mikroOrm: 140, links: 30, scripts: 1 },
    wal: {
      timeline: 1,
      startLsn: "0/2000028",
      stopLsn: "0/2000100",
      firstSegment: "000000010000000000000002",
      lastSegment: "000000010000000000000002",
    },
    files: [{ path: "base.tar.gz", bytes: fixture.bytes, sha256: "0".repeat(64) }],
    bytes: fixture.bytes,
    tables: Array.from({ length: fixture.tables }, (_, i) => ({ table: `public.t${i}`, rows: i, checksum: "0" })),
    orders: fixture.orders,
  }
  writeManifest(dir, manifest)
  return dir
}
