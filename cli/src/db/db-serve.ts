import fs from "node:fs"
import { findProjectRoot, projectPaths } from "../shared/project"
import { embeddedPort, loadProjectEnv } from "../shared/env"
import { DEFAULT_EMBEDDED_PORT, startEmbeddedCluster } from "./embedded-postgres"
import { backgroundRecordFile } from "./background-server"
import { shopClusterOptions } from "./shop-database"

/**
 * The hidden `tienda db serve`: what `tienda db start` runs detached. It owns the embedded server for as long as
 * it lives and stops it cleanly on SIGTERM/SIGINT (`tienda db stop`), then removes its record.
 */
export async function serveDatabase(): Promise<number> {
  const root = findProjectRoot()
  loadProjectEnv(root)
  const paths = projectPaths(root)
  fs.mkdirSync(paths.state, { recursive: true })
  const port = embeddedPort("TIENDA_PG_PORT", DEFAULT_EMBEDDED_PORT)
  const cluster = await startEmbeddedCluster(shopClusterOptions(paths, port))
  fs.writeFileSync(
    backgroundRecordFile(paths),
    JSON.stringify({ pid: process.pid, port, startedAt: new Date().toISOString() }, null, 2)
  )
  process.stdout.write(`ready on localhost:${port}\n`)
  const keepAlive = setInterval(() => undefined, 60_000)
  return new Promise((resolve) => {
    const stop = async () => {
      clearInterval(keepAlive)
      await cluster.stop()
      fs.rmSync(backgroundRecordFile(paths), { force: true })
      resolve(0)
    }
    process.once("SIGTERM", () => void stop())
    process.once("SIGINT", () => void stop())
  })
}
