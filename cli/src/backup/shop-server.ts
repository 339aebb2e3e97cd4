import fs from "node:fs"
import type { ProjectPaths } from "../shared/project"
import { embeddedPort } from "../shared/env"
import { embeddedUrl } from "../db/background-server"
import { DEFAULT_EMBEDDED_PORT, startEmbeddedCluster } from "../db/embedded-postgres"
import { embeddedServerRunning, shopClusterOptions } from "../db/shop-database"

/**
 * The shop's database as a backup sees it: the embedded server (where to connect, its data folder and WAL archive:
 * a physical backup) or the shop's own server from DATABASE_URL (a logical one, with pg_dump).
 */
export type ShopServer =
  { kind: "embedded"; url: string; dataDir: string; walArchiveDir: string } | { kind: "external"; url: string }

/**
 * Runs `work` on the shop's embedded server: the running one (under `tienda start`, `tienda db start`, or any
 * server on this data folder, found by its postmaster.pid), or one started for `work` and stopped after it; else
 * the shop's own PostgreSQL named by DATABASE_URL.
 */
export async function withShopServer<T>(paths: ProjectPaths, work: (server: ShopServer) => Promise<T>): Promise<T> {
  const shop = (url: string): ShopServer => ({
    kind: "embedded",
    url,
    dataDir: paths.postgresData,
    walArchiveDir: paths.walArchive,
  })
  if (embeddedServerRunning(paths)) {
    const port = Number(fs.readFileSync(`${paths.postgresData}/postmaster.pid`, "utf8").split("\n")[3])
    return work(shop(databaseOn(port)))
  }
  if (process.env.DATABASE_URL) {
    return work({ kind: "external", url: process.env.DATABASE_URL })
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

/** The shop's database on the embedded server: DATABASE_URL's when it names this server (its port), else `tienda`. */
function databaseOn(port: number): string {
  const asked = process.env.DATABASE_URL ? new URL(process.env.DATABASE_URL) : undefined
  return asked && Number(asked.port) === port && ["localhost", "127.0.0.1"].includes(asked.hostname)
    ? asked.toString()
    : embeddedUrl(port)
}
