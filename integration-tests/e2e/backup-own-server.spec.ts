import { execFile } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { promisify } from "node:util"
import { Client } from "pg"
import { readManifest } from "../../src/lib/backups/backup-manifest"
import { startThrowawayPostgres, type ThrowawayPostgres } from "../helpers/debian-postgres"
import { root } from "../helpers/shop-process"

jest.setTimeout(5 * 60_000)

const run = promisify(execFile)

/**
 * A shop on its own PostgreSQL server (DATABASE_URL, here Debian's PostgreSQL 15 the test starts): `tienda backup`
 * takes a pg_dump in a snapshot it exports and records every table's checksum in that same snapshot, so a backup
 * taken while orders keep arriving restores to exactly its manifest; restore goes into an empty database and
 * refuses one with tables unless --force.
 */
describe("backups of a shop on its own PostgreSQL server", () => {
  let server: ThrowawayPostgres
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "tienda-own-backup-"))
  const tienda = async (args: string[], database: string) => {
    const env = {
      ...process.env,
      DATABASE_URL: server.url(database),
      TIENDA_STATE_DIR: path.join(work, "state"),
      TIENDA_BACKUP_DIR: path.join(work, "backups"),
    }
    try {
      const { stdout } = await run(path.join(root, "node_modules/.bin/tienda"), args, { cwd: root, env })
      return { code: 0, output: stdout }
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string }
      return { code: failed.code, output: `${failed.stdout}\n${failed.stderr}` }
    }
  }
  const sql = async (database: string, text: string) => {
    const client = new Client({ connectionString: server.url(database) })
    await client.connect()
    try {
      return (await client.query(text)).rows
    } finally {
      await client.end()
    }
  }

  beforeAll(async () => {
    server = await startThrowawayPostgres()
    await sql("postgres", "CREATE DATABASE shop")
    await sql(
      "shop",
      `CREATE TABLE "order" (id serial PRIMARY KEY, email text, deleted_at timestamptz);
       CREATE TABLE order_item (id serial PRIMARY KEY, order_id int REFERENCES "order"(id), quantity int);
       INSERT INTO "order" (email) SELECT 'buyer' || g || '@example.com' FROM generate_series(1, 500) g;
       INSERT INTO order_item (order_id, quantity) SELECT id, 2 FROM "order";`
    )
  })
  afterAll(() => {
    server?.stop()
    fs.rmSync(work, { recursive: true, force: true })
  })

  it("backs up while orders arrive, verifies, and restores exactly the snapshot", async () => {
    let writing = true
    const writer = (async () => {
      while (writing) {
        await sql(
          "shop",
          `WITH o AS (INSERT INTO "order" (email) VALUES ('late@example.com') RETURNING id)
                           INSERT INTO order_item (order_id, quantity) SELECT id, 1 FROM o`
        )
      }
    })()
    const taken = await tienda(["backup", "--json"], "shop")
    writing = false
    await writer
    expect(taken.code).toBe(0)
    const backup = JSON.parse(taken.output).dir
    const manifest = readManifest(backup)
    expect(manifest.kind).toBe("logical")
    expect(manifest.orders).toBeGreaterThanOrEqual(500)
    expect(manifest.tables.map((table) => table.table)).toEqual(["public.order", "public.order_item"])

    // Every table of a restore matches the checksums read in the dump's snapshot, though writes went on.
    expect((await tienda(["backup", "--verify", backup], "shop")).code).toBe(0)
    const restored = await tienda(["restore", backup, "--verify"], "restored")
    expect(restored.output).toContain("Every table matches the backup's manifest.")
    expect(restored.code).toBe(0)
    expect(Number((await sql("restored", 'SELECT count(*) AS n FROM "order"'))[0].n)).toBe(manifest.orders)

    // A database with tables is not overwritten unless asked; --to is the embedded server's.
    const refused = await tienda(["restore", backup], "restored")
    expect(refused.code).toBe(2)
    expect(refused.output).toContain("--force")
    await sql("restored", `DELETE FROM order_item; DELETE FROM "order"`)
    expect((await tienda(["restore", backup, "--force", "--verify"], "restored")).code).toBe(0)
    expect(Number((await sql("restored", 'SELECT count(*) AS n FROM "order"'))[0].n)).toBe(manifest.orders)
    expect((await tienda(["restore", backup, "--to", new Date().toISOString()], "other")).output).toContain(
      "point-in-time recovery"
    )
    // No scratch database is left behind by --verify.
    expect((await sql("postgres", "SELECT datname FROM pg_database WHERE datname LIKE 'tienda_check_%'")).length).toBe(
      0
    )
  })
})
