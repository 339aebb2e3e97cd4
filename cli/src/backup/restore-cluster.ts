import { execFile } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { promisify } from "node:util"
import {
  handToPostgresUser,
  makeReachableFolder,
  startEmbeddedCluster,
  type EmbeddedCluster,
} from "../db/embedded-postgres"

const run = promisify(execFile)

export interface RestoreOptions {
  backupDir: string
  /** An empty or missing folder that becomes the restored cluster's data folder. */
  dataDir: string
  port: number
  logFile: string
  /** Replay the archived changes up to this moment; without it, stop exactly where the backup ended. */
  targetTime?: Date
  /** Folders holding WAL segments newer than the backup (the continuous archive), searched in order. */
  walSources?: string[]
  /** The restored server's own continuous archive once it runs. */
  walArchive?: { dir: string; timeoutSeconds: number }
}

/**
 * Unpacks a physical backup into `dataDir` and starts PostgreSQL on it in archive recovery: the backup's own WAL
 * is put in pg_wal, later segments come from `walSources` through restore_command, and recovery stops at the
 * backup's end (`immediate`) or at `targetTime`, then the server is promoted and serves. A target beyond the last
 * archived change makes PostgreSQL refuse to start, which is reported with its log.
 */
export async function startRestoredCluster(options: RestoreOptions): Promise<EmbeddedCluster> {
  if (fs.existsSync(options.dataDir) && fs.readdirSync(options.dataDir).length > 0) {
    throw new Error(`${options.dataDir} is not empty`)
  }
  makeReachableFolder(path.dirname(options.dataDir))
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 })
  fs.chmodSync(options.dataDir, 0o700)
  await run("tar", ["-xzf", path.join(options.backupDir, "base.tar.gz"), "-C", options.dataDir])
  for (const file of ["backup_label", "tablespace_map"]) {
    if (fs.existsSync(path.join(options.backupDir, file))) {
      fs.copyFileSync(path.join(options.backupDir, file), path.join(options.dataDir, file))
    }
  }
  const pgWal = path.join(options.dataDir, "pg_wal")
  fs.mkdirSync(pgWal, { recursive: true })
  await run("tar", ["-xzf", path.join(options.backupDir, "wal.tar.gz"), "-C", pgWal])
  fs.writeFileSync(path.join(options.dataDir, "recovery.signal"), "")
  handToPostgresUser(options.dataDir)
  const target: Record<string, string> = options.targetTime
    ? { recovery_target_time: postgresTime(options.targetTime), recovery_target_inclusive: "true" }
    : { recovery_target: "immediate" }
  try {
    return await startEmbeddedCluster({
      dataDir: options.dataDir,
      port: options.port,
      logFile: options.logFile,
      initialise: false,
      walArchive: options.walArchive,
      settings: {
        ...target,
        recovery_target_action: "promote",
        restore_command: restoreCommand(options.walSources ?? []),
      },
    })
  } catch {
    // PostgreSQL's own reason (a target past the last archived change, a missing segment) is the useful part.
    const log = fs.existsSync(options.logFile) ? fs.readFileSync(options.logFile, "utf8").slice(-2000) : ""
    const reason = /FATAL:\s+(.*)/.exec(log)?.[1]
    throw new Error(`The restored database did not start${reason ? `: ${reason}` : ""} (log: ${options.logFile})`)
  }
}

/** A shell command PostgreSQL runs per missing segment: the first source holding it wins; none → not found. */
function restoreCommand(sources: string[]): string {
  for (const source of sources) {
    if (source.includes("'") || source.includes('"')) {
      throw new Error(`A WAL folder may not contain quotes: ${source}`)
    }
  }
  const tries = sources.map((source) => `test -f '${source}/%f' && exec cp '${source}/%f' '%p'`)
  return [...tries, "exit 1"].join("; ")
}

/** PostgreSQL's timestamp input: "2026-12-06 13:30:00.123+00" (it refuses the ISO "T…Z" form here). */
function postgresTime(time: Date): string {
  return time.toISOString().replace("T", " ").replace("Z", "+00")
}
