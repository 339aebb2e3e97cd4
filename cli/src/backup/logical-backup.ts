import path from "node:path"
import type { Client } from "pg"
import { withClient } from "../db/database"
import { orderCount, recordedMigrations } from "./database-facts"
import { pgTool, runPgTool } from "./pg-tools"
import { tableChecksums } from "./table-checksums"

export const DUMP_FILE = "database.dump"

/**
 * A backup of a shop on its own PostgreSQL server (DATABASE_URL): `pg_dump` in PostgreSQL's custom format, taken in
 * a snapshot this connection exports, and the table checksums read in that same snapshot, so the manifest
 * describes exactly what the dump holds. Nothing is locked beyond what any reader takes.
 */
export async function takeLogicalBackup(url: string, outDir: string) {
  return withClient(url, async (client) => {
    const pgDump = await pgTool("pg_dump", client)
    const postgresVersion = (await client.query("SHOW server_version")).rows[0].server_version as string
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    try {
      const snapshot = (await client.query("SELECT pg_export_snapshot() AS id")).rows[0].id as string
      const dump = runPgTool(pgDump, [
        `--snapshot=${snapshot}`,
        "--format=custom",
        "--no-owner",
        "--no-privileges",
        `--file=${path.join(outDir, DUMP_FILE)}`,
        `--dbname=${url}`,
      ])
      const contents = {
        tables: await tableChecksums(client),
        migrations: await recordedMigrations(client),
        orders: await orderCount(client),
      }
      await dump
      return { postgresVersion, ...contents }
    } finally {
      await client.query("COMMIT")
    }
  })
}

/** Loads a logical backup into the database at `url`; `clean` first drops what the backup is about to recreate. */
export async function restoreLogicalBackup(backupDir: string, url: string, clean: boolean): Promise<void> {
  const pgRestore = await withClient(url, (client) => pgTool("pg_restore", client))
  await runPgTool(pgRestore, [
    "--no-owner",
    "--no-privileges",
    "--exit-on-error",
    "--single-transaction",
    ...(clean ? ["--clean", "--if-exists"] : []),
    `--dbname=${url}`,
    path.join(backupDir, DUMP_FILE),
  ])
}

/**
 * Loads a logical backup into a new scratch database on the server at `url` (the shop's own server: its owner may
 * create databases), runs `work` on it, and drops it.
 */
export async function withScratchDatabase<T>(
  url: string,
  backupDir: string,
  work: (client: Client) => Promise<T>
): Promise<T> {
  const name = `tienda_check_${Date.now()}_${process.pid}`
  await withClient(url, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`))
  const scratch = new URL(url)
  scratch.pathname = `/${name}`
  try {
    await restoreLogicalBackup(backupDir, scratch.toString(), false)
    return await withClient(scratch.toString(), work)
  } finally {
    await withClient(url, (client) =>
      client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`)
    )
  }
}
