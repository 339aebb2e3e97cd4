import { execFile } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { promisify } from "node:util"
import Medusa from "@medusajs/js-sdk"
import { Client } from "pg"
import { embeddedUrl } from "../../cli/src/db/background-server"
import { readManifest } from "../../src/lib/backups/backup-manifest"
import { cartReadyForPayment, startPayment } from "../helpers/checkout"
import { freePorts } from "../helpers/free-port"
import { SHARED_SHOP_ADMIN, sharedShop, type SharedShop } from "../helpers/shared-shop"
import { root } from "../helpers/shop-process"
import { backUpShop } from "../../src/jobs/back-up-shop"
import { startServerProcess, stopServerProcess, type ServerProcess } from "../helpers/server-process"

jest.setTimeout(10 * 60_000)

const run = promisify(execFile)
const SHOPPERS = 8

/**
 * The restore drill, with the real CLI on the shared shop's embedded PostgreSQL (which archives its WAL): a backup
 * taken while 8 shoppers check out restores into a new state folder with every order whole and exactly the
 * orders of its moment, and a shop started on it serves them; a point-in-time restore undoes a destructive DELETE;
 * a flipped byte fails --verify.
 */
describe("backups and restores", () => {
  let shop: SharedShop
  const servers: ServerProcess[] = []
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "tienda-backup-drill-"))
  // As root the restored server runs as `postgres`, which must reach the state folders inside.
  fs.chmodSync(work, 0o755)
  const backupsDir = path.join(work, "backups")
  const restoredState = path.join(work, "restored-state")
  let restoredPgPort: number
  let backup: string
  let ordersBefore: string[]
  let orderAfter: string

  const tienda = async (args: string[], env: Record<string, string>) => {
    const { DATABASE_URL: _ignored, ...inherited } = process.env
    try {
      const { stdout } = await run(path.join(root, "node_modules/.bin/tienda"), args, {
        cwd: root,
        env: { ...inherited, TIENDA_BACKUP_DIR: backupsDir, ...env },
        maxBuffer: 8 * 1024 * 1024,
      })
      return { code: 0, output: stdout }
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string }
      return { code: failed.code, output: `${failed.stdout}\n${failed.stderr}` }
    }
  }
  const sharedShopEnv = () => ({ TIENDA_STATE_DIR: shop.stateDir, TIENDA_PG_PORT: String(shop.pgPort) })
  const restoredEnv = () => ({ TIENDA_STATE_DIR: restoredState, TIENDA_PG_PORT: String(restoredPgPort) })
  const query = async <T = any>(url: string, sql: string, values: unknown[] = []): Promise<T[]> => {
    const client = new Client({ connectionString: url })
    await client.connect()
    try {
      return (await client.query(sql, values)).rows
    } finally {
      await client.end()
    }
  }
  /** Variants with stock to spare: the demo store's stock is small, and other specs buy from the same shop. */
  let stocked: string[] = []
  const checkout = async (base: string, email: string): Promise<string> => {
    const sdk = new Medusa({ baseUrl: base, publishableKey: shop.publishableKey })
    const variantId = stocked[Math.floor(Math.random() * stocked.length)]
    const { cart } = await cartReadyForPayment(sdk, { email, variantId })
    await startPayment(sdk, cart.id, "pp_system_default")
    const completed = await sdk.store.cart.complete(cart.id)
    if (completed.type !== "order") {
      throw new Error(`checkout did not complete: ${JSON.stringify(completed)}`)
    }
    return completed.order.id
  }
  /** Orders of the database that lack their items or their payment (a torn snapshot would have some). */
  const incompleteOrders = (url: string) =>
    query(
      url,
      `SELECT o.id FROM "order" o
        WHERE NOT EXISTS (SELECT 1 FROM order_item i WHERE i.order_id = o.id)
           OR NOT EXISTS (SELECT 1 FROM order_payment_collection opc
                           JOIN payment p ON p.payment_collection_id = opc.payment_collection_id
                          WHERE opc.order_id = o.id)`
    )

  afterAll(async () => {
    await Promise.all(servers.map(stopServerProcess))
    await tienda(["db", "stop"], restoredEnv())
    fs.rmSync(work, { recursive: true, force: true })
  })

  it("restores a backup taken while 8 shoppers check out: every order whole, exactly the orders of its moment, served again", async () => {
    shop = await sharedShop()
    const [serverPort, restoredServerPort, pgPort] = await freePorts(3)
    restoredPgPort = pgPort
    // Shoppers go through a server process of their own: every one of them comes from 127.0.0.1.
    servers.push(await startServerProcess(shop, serverPort, { TIENDA_RATE_LIMIT: "off" }))
    const base = servers[0].base
    stocked = (
      await query<{ id: string }>(
        embeddedUrl(shop.pgPort),
        `SELECT pvi.variant_id AS id FROM product_variant_inventory_item pvi
           JOIN inventory_level l ON l.inventory_item_id = pvi.inventory_item_id
           JOIN product_variant_price_set pvps ON pvps.variant_id = pvi.variant_id
          WHERE pvi.deleted_at IS NULL AND l.deleted_at IS NULL
          GROUP BY pvi.variant_id HAVING min(l.stocked_quantity - l.reserved_quantity) >= 10`
      )
    ).map((row) => row.id)
    expect(stocked.length).toBeGreaterThan(5)
    ordersBefore = [await checkout(base, "drill-before@example.com")]

    let backingUp = true
    const during: string[] = []
    // Each shopper keeps buying while the backup runs, at most 3 orders (the demo store's stock is small).
    const shopper = async (index: number) => {
      for (let n = 0; (backingUp || n === 0) && n < 3; n++) {
        during.push(await checkout(base, `drill-${index}-${n}@example.com`))
      }
    }
    const load = Promise.all(Array.from({ length: SHOPPERS }, (_, index) => shopper(index)))
    const taken = await tienda(["backup", "--json"], sharedShopEnv())
    backingUp = false
    await load
    expect(taken.code).toBe(0)
    backup = JSON.parse(taken.output).dir
    orderAfter = await checkout(base, "drill-after@example.com")

    const restored = await tienda(["restore", backup, "--verify"], restoredEnv())
    expect(restored.output).toContain("Every table matches the backup's manifest.")
    expect(restored.code).toBe(0)
    expect((await tienda(["db", "start"], restoredEnv())).code).toBe(0)
    const url = embeddedUrl(restoredPgPort)
    const ids = (await query(url, 'SELECT id FROM "order"')).map((row) => row.id)
    expect(ids.length).toBe(readManifest(backup).orders)
    expect(ids).toEqual(expect.arrayContaining(ordersBefore))
    expect(ids).not.toContain(orderAfter)
    // Orders placed while the copy ran are in or out whole: none without its items or its payment.
    expect(await incompleteOrders(url)).toEqual([])
    expect(during.length).toBeGreaterThanOrEqual(SHOPPERS)

    // A shop started on the restored database serves its orders (same admin, same signing secrets).
    servers.push(await startServerProcess(shop, restoredServerPort, { DATABASE_URL: url }))
    const restoredShop = servers[1].base
    const token = (
      await (
        await fetch(`${restoredShop}/auth/user/emailpass`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(SHARED_SHOP_ADMIN),
        })
      ).json()
    ).token
    const admin = { authorization: `Bearer ${token}` }
    expect((await fetch(`${restoredShop}/admin/orders/${ordersBefore[0]}`, { headers: admin })).status).toBe(200)
    expect((await fetch(`${restoredShop}/admin/orders/${orderAfter}`, { headers: admin })).status).toBe(404)
    await stopServerProcess(servers.pop()!)
  })

  it("replays the archived changes to a moment before a destructive DELETE", async () => {
    const url = embeddedUrl(restoredPgPort)
    // A backup of the restored shop (its own archive), then changes after it.
    const taken = await tienda(["backup", "--json"], restoredEnv())
    expect(taken.code).toBe(0)
    const pitrBackup = JSON.parse(taken.output).dir
    await query(url, 'UPDATE "order" SET metadata = \'{"pitr": "after the backup"}\' WHERE id = $1', [ordersBefore[0]])
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    const moment = (await query(url, "SELECT now() AS now"))[0].now as Date
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    const wiped = await query(url, "DELETE FROM order_item RETURNING id")
    expect(wiped.length).toBeGreaterThan(0)
    expect((await tienda(["db", "stop"], restoredEnv())).code).toBe(0)

    // The shop's data folder holds a database: restore refuses without --force, and a bad time is named.
    const refused = await tienda(["restore", pitrBackup, "--to", moment.toISOString()], restoredEnv())
    expect(refused.code).toBe(2)
    expect(refused.output).toContain("--force")
    expect((await tienda(["restore", pitrBackup, "--to", "yesterday"], restoredEnv())).output).toContain("--to takes")

    const replayed = await tienda(["restore", pitrBackup, "--to", moment.toISOString(), "--force"], restoredEnv())
    expect(replayed.code).toBe(0)
    expect((await tienda(["db", "start"], restoredEnv())).code).toBe(0)
    // The change before the moment is there, the DELETE after it is not.
    const [order] = await query(url, 'SELECT metadata FROM "order" WHERE id = $1', [ordersBefore[0]])
    expect(order.metadata).toEqual({ pitr: "after the backup" })
    expect(await query(url, "SELECT id FROM order_item")).toHaveLength(wiped.length)
    expect(await incompleteOrders(url)).toEqual([])
  })

  it("finds a flipped byte: --verify fails and restore refuses the backup", async () => {
    const tampered = path.join(work, "tampered")
    fs.cpSync(backup, tampered, { recursive: true })
    const file = path.join(tampered, "base.tar.gz")
    const bytes = fs.readFileSync(file)
    bytes[Math.floor(bytes.length / 2)] ^= 0xff
    fs.writeFileSync(file, bytes)

    expect((await tienda(["backup", "--verify", backup], sharedShopEnv())).code).toBe(0)
    const verify = await tienda(["backup", "--verify", tampered], sharedShopEnv())
    expect(verify.code).toBe(1)
    expect(verify.output).toContain("base.tar.gz: checksum mismatch")
    const fresh = { ...restoredEnv(), TIENDA_STATE_DIR: path.join(work, "never-restored") }
    const restore = await tienda(["restore", tampered], fresh)
    expect(restore.code).toBe(1)
    expect(fs.existsSync(path.join(work, "never-restored", "postgres"))).toBe(false)
  })

  it("backs up on the worker's schedule: when due, not again before the interval, never when off; keeps the newest", async () => {
    const scheduled = path.join(work, "scheduled")
    const env = { ...restoredEnv(), TIENDA_BACKUP_DIR: scheduled }
    const off = await tienda(["backup", "--scheduled", "--json"], { ...env, TIENDA_BACKUP_INTERVAL_HOURS: "0" })
    expect(JSON.parse(off.output).skipped).toContain("off")
    const first = await tienda(["backup", "--scheduled", "--json"], env)
    expect(first.code).toBe(0)
    expect(JSON.parse(first.output).dir).toContain(scheduled)

    // The worker's job runs the same call, in the project, with its own environment.
    const { DATABASE_URL: _ignored, ...inherited } = process.env
    expect(await backUpShop(root, { ...inherited, ...env })).toEqual({
      kind: "skipped",
      message: expect.stringContaining("not due before"),
    })

    expect((await tienda(["backup", "--keep", "1", "--json"], env)).code).toBe(0)
    const kept = fs.readdirSync(scheduled).filter((name) => /^\d{8}T\d{6}\.\d{3}Z$/.test(name))
    expect(kept).toHaveLength(1)
    expect(JSON.parse(fs.readFileSync(path.join(scheduled, "last-backup.json"), "utf8"))).toMatchObject({
      ok: true,
      verified: true,
      dir: path.join(scheduled, kept[0]),
    })
  })
})
