import fs from "node:fs"
import type { ProjectPaths } from "../shared/project"
import { embeddedPort } from "../shared/env"
import { embeddedUrl } from "../db/background-server"
import { DEFAULT_EMBEDDED_PORT, startEmbeddedCluster } from "../db/embedded-postgres"
import { embeddedServerRunning, shopClusterOptions } from "../db/shop-database"

/** The shop's embedded PostgreSQL as a backup sees it: where to connect, its data folder and its WAL archive. */
export interface ShopServer {
  url: string
  dataDir: string
  walArchiveDir: string
}

/**
 * Runs `work` on the shop's embedded server: the running one (under `tienda start`, `tienda db start`, or any
 * server on this data folder, found by its postmaster.pid), or one started for `work` and stopped after it. A shop
 * on its own PostgreSQL (DATABASE_URL, no embedded server here) is backed up by that server's tools instead.
 */
export async function withShopServer<T>(paths: ProjectPaths, work: (server: ShopServer) => Promise<T>): Promise<T> {
  const shop = (url: string): ShopServer => ({ url, dataDir: paths.postgresData, walArchiveDir: paths.walArchive })
  if (embeddedServerRunning(paths)) {
    const port = Number(fs.readFileSync(`${paths.postgresData}/postmaster.pid`, "utf8").split("\n")[3])
    return work(shop(embeddedUrl(port)))
  }
  if (process.env.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL points at your own PostgreSQL server: back it up with its tools (pg_dump of the same major " +
        'version, pgBackRest, WAL-G, or the managed service\'s backups; README "Backups and recovery").'
    )
  }
  if (!fs.existsSync(`${paths.postgresData}/PG_VERSION`)) {
    throw new Error(`There is no shop database to back up yet (${paths.postgresData} is empty): run npm start first.`)
  }
  const cluster = await startEmbeddedCluster(
    shopClusterOptions(paths, embeddedPort("TIENDA_PG_PORT", DEFAULT_EMBEDDED_PORT))
  )
  try {
    return await work(shop(embeddedUrl(cluster.port)))
  } finally {
    await cluster.stop()
  }
}
