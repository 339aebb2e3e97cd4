import fs from "node:fs"
import type { ProjectPaths } from "../shared/project"
import { embeddedPort } from "../shared/env"
import {
  DEFAULT_EMBEDDED_PORT,
  EMBEDDED_DATABASE,
  EMBEDDED_PASSWORD,
  EMBEDDED_USER,
  startEmbeddedCluster,
  type EmbeddedClusterOptions,
} from "./embedded-postgres"
import { backupSettings } from "../../../src/lib/settings/groups/backups"
import { readSetting } from "../../../src/lib/settings/read-settings"
import { embeddedUrl, runningBackgroundServer } from "./background-server"

/** True when the embedded server of this project is running (e.g. under `npm start` in another terminal). */
export function embeddedServerRunning(paths: ProjectPaths): boolean {
  const pidFile = `${paths.postgresData}/postmaster.pid`
  if (!fs.existsSync(pidFile)) {
    return false
  }
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0])
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * Runs `work` with the shop's database URL: DATABASE_URL when set; else the embedded server, reusing it when it
 * is already running (under `tienda db start` or `tienda start`) and otherwise starting it just for `work`.
 */
export async function withShopDatabase<T>(paths: ProjectPaths, work: (databaseUrl: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) {
    return work(process.env.DATABASE_URL)
  }
  const background = runningBackgroundServer(paths)
  if (background) {
    return work(embeddedUrl(background.port))
  }
  const port = embeddedPort("TIENDA_PG_PORT", DEFAULT_EMBEDDED_PORT)
  if (embeddedServerRunning(paths)) {
    return work(`postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@localhost:${port}/${EMBEDDED_DATABASE}`)
  }
  fs.mkdirSync(paths.state, { recursive: true })
  const cluster = await startEmbeddedCluster(shopClusterOptions(paths, port))
  try {
    return await work(cluster.url(EMBEDDED_DATABASE))
  } finally {
    await cluster.stop()
  }
}

/** How the shop's own embedded server runs: its data folder, log, and continuous WAL archive (unless turned off). */
export function shopClusterOptions(paths: ProjectPaths, port: number): EmbeddedClusterOptions {
  const archive = readSetting(backupSettings.walArchive, process.env)
  return {
    dataDir: paths.postgresData,
    port,
    logFile: paths.postgresLog,
    walArchive: archive
      ? { dir: paths.walArchive, timeoutSeconds: readSetting(backupSettings.walArchiveTimeoutSeconds, process.env) }
      : undefined,
  }
}
