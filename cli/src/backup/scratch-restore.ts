import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import type { Client } from "pg"
import { withClient } from "../db/database"
import { EMBEDDED_DATABASE } from "../db/embedded-postgres"
import { startRestoredCluster } from "./restore-cluster"
import { freePort } from "../shared/free-port"

/**
 * Restores a backup into a throw-away cluster on a free port, runs `work` on its shop database, then stops and
 * deletes it: how a backup is read back (its table checksums when taken, every later `--verify`).
 */
export async function withScratchRestore<T>(
  backupDir: string,
  database: string,
  work: (client: Client) => Promise<T>
): Promise<T> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "tienda-restore-check-"))
  // As root the server runs as `postgres`, which must enter this folder.
  fs.chmodSync(scratch, 0o755)
  const cluster = await startRestoredCluster({
    backupDir,
    dataDir: path.join(scratch, "data"),
    port: await freePort(),
    logFile: path.join(scratch, "postgres.log"),
  })
  try {
    return await withClient(cluster.url(database || EMBEDDED_DATABASE), work)
  } finally {
    await cluster.stop()
    fs.rmSync(scratch, { recursive: true, force: true })
  }
}
