import { execFile } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { promisify } from "node:util"
import { withClient } from "../db/database"

const run = promisify(execFile)

/** Folders whose contents a base backup leaves out (PostgreSQL's documentation: they are rebuilt at start). */
const LEFT_OUT = [
  "./pg_wal/*",
  "./postmaster.pid",
  "./postmaster.opts",
  "./backup_label",
  "./tablespace_map",
  "./recovery.signal",
  "./standby.signal",
  "./pg_replslot/*",
  "./pg_dynshmem/*",
  "./pg_notify/*",
  "./pg_serial/*",
  "./pg_snapshots/*",
  "./pg_stat_tmp/*",
  "./pg_subtrans/*",
  "./pgsql_tmp*",
]

export interface BaseBackup {
  timeline: number
  startLsn: string
  stopLsn: string
  firstSegment: string
  lastSegment: string
  postgresVersion: string
}

/**
 * PostgreSQL's own online base backup of a running server whose data folder is on this machine: pg_backup_start,
 * a tar of the data folder, pg_backup_stop (which waits until every WAL segment the backup needs is archived), then
 * those segments packed from the archive into `<out>/wal.tar.gz`, so the backup restores on its own. Shoppers keep
 * buying meanwhile: nothing is locked.
 */
export async function takeBaseBackup(options: {
  url: string
  dataDir: string
  walArchiveDir: string
  outDir: string
}): Promise<BaseBackup> {
  return withClient(options.url, async (client) => {
    const archiving = (await client.query("SHOW archive_mode")).rows[0].archive_mode
    if (archiving !== "on") {
      throw new Error(
        "The embedded PostgreSQL runs without WAL archiving, which backups need: restart the shop " +
          "(TIENDA_PG_WAL_ARCHIVE is on by default) and back up again."
      )
    }
    const postgresVersion = (await client.query("SHOW server_version")).rows[0].server_version
    await client.query("SELECT pg_backup_start($1, true)", [`tienda ${new Date().toISOString()}`])
    let stopped = false
    try {
      await tar(options.dataDir, path.join(options.outDir, "base.tar.gz"))
      const stop = await client.query<{ lsn: string; labelfile: string; spcmapfile: string | null }>(
        "SELECT lsn::text, labelfile, spcmapfile FROM pg_backup_stop(true)"
      )
      stopped = true
      const { lsn, labelfile, spcmapfile } = stop.rows[0]
      fs.writeFileSync(path.join(options.outDir, "backup_label"), labelfile)
      if (spcmapfile) {
        fs.writeFileSync(path.join(options.outDir, "tablespace_map"), spcmapfile)
      }
      const start = /START WAL LOCATION: (\S+) \(file ([0-9A-F]{24})\)/.exec(labelfile)
      const timeline = /START TIMELINE: (\d+)/.exec(labelfile)
      if (!start || !timeline) {
        throw new Error(`pg_backup_stop returned a backup label Tienda cannot read:\n${labelfile}`)
      }
      const lastSegment = (await client.query("SELECT pg_walfile_name($1::pg_lsn) AS name", [lsn])).rows[0].name
      await packSegments(options.walArchiveDir, path.join(options.outDir, "wal.tar.gz"), start[2], lastSegment)
      return {
        timeline: Number(timeline[1]),
        startLsn: start[1],
        stopLsn: lsn,
        firstSegment: start[2],
        lastSegment,
        postgresVersion,
      }
    } finally {
      if (!stopped) {
        await client.query("SELECT pg_backup_stop(false)").catch(() => undefined)
      }
    }
  })
}

/** GNU tar exits 1 when a file changed while it was read: expected while the server runs, and WAL replay fixes it. */
async function tar(dataDir: string, file: string): Promise<void> {
  const args = ["-czf", file, "-C", dataDir, ...LEFT_OUT.map((pattern) => `--exclude=${pattern}`), "."]
  try {
    await run("tar", args, { maxBuffer: 16 * 1024 * 1024 })
  } catch (error) {
    if ((error as { code?: number }).code !== 1) {
      throw new Error(`tar of ${dataDir} failed: ${(error as { stderr?: string }).stderr || String(error)}`)
    }
  }
}

/** WAL segment files from `first` to `last` (names sort in WAL order within a timeline), packed into `file`. */
async function packSegments(archive: string, file: string, first: string, last: string): Promise<void> {
  const timeline = first.slice(0, 8)
  const wanted = fs
    .readdirSync(archive)
    .filter((name) => /^[0-9A-F]{24}$/.test(name) && name.startsWith(timeline) && name >= first && name <= last)
  if (!wanted.includes(first) || !wanted.includes(last)) {
    throw new Error(`The WAL archive ${archive} lacks segments ${first}…${last} that the backup needs`)
  }
  await run("tar", ["-czf", file, "-C", archive, ...wanted])
}
