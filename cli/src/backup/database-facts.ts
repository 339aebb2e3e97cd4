import type { Client } from "pg"
import type { BackupManifest } from "../../../src/lib/backups/backup-manifest"

/** The migrations a database has recorded (Medusa's module, link and script migrations). */
export async function recordedMigrations(client: Client): Promise<BackupManifest["migrations"]> {
  const count = async (table: string) =>
    (await exists(client, table)) ? Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n) : 0
  const newest = (await exists(client, "mikro_orm_migrations"))
    ? (await client.query("SELECT name FROM mikro_orm_migrations ORDER BY executed_at DESC, id DESC LIMIT 1")).rows[0]
        ?.name
    : undefined
  return {
    mikroOrm: await count("mikro_orm_migrations"),
    links: await count("link_module_migrations"),
    scripts: await count("script_migrations"),
    newest,
  }
}

export async function orderCount(client: Client): Promise<number> {
  return (await exists(client, "order"))
    ? Number((await client.query('SELECT count(*) AS n FROM "order" WHERE deleted_at IS NULL')).rows[0].n)
    : 0
}

async function exists(client: Client, table: string): Promise<boolean> {
  return (await client.query("SELECT to_regclass($1) AS oid", [`public."${table}"`])).rows[0].oid !== null
}
