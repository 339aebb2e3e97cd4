/**
 * `npm run bench:backup`: what a backup costs and how long a restore takes, on the bench catalog. The bench's
 * PostgreSQL runs with WAL archiving; Tienda serves a fresh copy of the seeded catalog; 8 shoppers check out for
 * BENCH_CHECKOUT_DURATION seconds without a backup, then again while `tienda backup` runs back to back (orders/s
 * side by side); then one backup is restored into a scratch state folder and verified, each step timed.
 * BENCH_DRILL_ORDERS=1000 first places that many orders (about 20 minutes of checkout load here). The result
 * goes to bench/results/backup-drill.md (git-ignored) and is copied into bench/README.md by hand.
 */
import { execFile } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { promisify } from "node:util"
import { buildApp, buildIsCurrent } from "../cli/src/start/build-app"
import { projectPaths } from "../cli/src/shared/project"
import { config, root, stateDir } from "./config"
import { cloneFor, ensureTemplate, readCatalog, sql, startPostgres } from "./database"
import { runLoad } from "./load-runner"
import { startSystem, systems } from "./systems"

const run = promisify(execFile)
const drill = path.join(stateDir, "backup-drill")
/** Orders the shop holds before the measurements (0: only those the measured checkouts place). */
const drillOrders = Number(process.env.BENCH_DRILL_ORDERS ?? 0)

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = Date.now()
  const value = await work()
  return { value, seconds: Math.round((Date.now() - started) / 100) / 10 }
}

async function main() {
  fs.rmSync(drill, { recursive: true, force: true })
  fs.mkdirSync(drill, { recursive: true })
  fs.chmodSync(drill, 0o755)
  if (config.build !== "skip" && !buildIsCurrent(projectPaths(root))) {
    console.log("building Tienda…")
    await buildApp(
      projectPaths(root),
      { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true" },
      path.join(stateDir, "build.log")
    )
  }
  const server = await startPostgres(path.join(drill, "wal-archive"))
  try {
    const { name: template } = await ensureTemplate(server)
    const catalog = await readCatalog(server.url(template))
    const databaseUrl = await cloneFor(server, template, "backup-drill")
    const tienda = systems.find((system) => system.name === "tienda")!
    const running = await startSystem(tienda, databaseUrl, "")
    const cli = (args: string[], env: Record<string, string>) =>
      run(path.join(root, "node_modules/.bin/tienda"), args, {
        cwd: root,
        env: { ...process.env, ...env },
        maxBuffer: 16 * 1024 * 1024,
      })
    const shopEnv = {
      DATABASE_URL: databaseUrl,
      TIENDA_STATE_DIR: path.join(drill, "state"),
      TIENDA_PG_DATA_DIR: path.join(stateDir, "postgres"),
      TIENDA_PG_WAL_ARCHIVE_DIR: path.join(drill, "wal-archive"),
      TIENDA_PG_PORT: String(config.pgPort),
      TIENDA_BACKUP_DIR: path.join(drill, "backups"),
    }
    const checkout = (duration = config.checkoutDuration) =>
      runLoad(
        "checkout.js",
        {
          baseUrl: `http://127.0.0.1:${config.serverPort}`,
          headers: { "x-publishable-api-key": catalog.key, "content-type": "application/json" },
          duration,
          shoppers: config.shoppers,
          regions: catalog.regions,
          variants: catalog.variants,
          shippingOptions: catalog.shippingOptionByRegion,
        },
        running.child.pid!
      )
    const orderCount = async () => Number((await sql(databaseUrl, 'SELECT count(*) AS n FROM "order"'))[0].n)
    try {
      // The shop first gets its orders (BENCH_DRILL_ORDERS), placed by the same checkout load, a minute at a time.
      for (let orders = await orderCount(); orders < drillOrders; orders = await orderCount()) {
        console.log(`placing orders: ${orders}/${drillOrders}…`)
        await checkout(60)
      }
      console.log(`checkout, ${config.shoppers} shoppers, ${config.checkoutDuration} s, no backup…`)
      const alone = (await checkout()).result
      console.log(`checkout while backing up…`)
      let backingUp = true
      const backups: number[] = []
      const loop = (async () => {
        while (backingUp) {
          backups.push((await timed(() => cli(["backup", "--json"], shopEnv))).seconds)
        }
      })()
      const during = (await checkout()).result
      backingUp = false
      await loop
      const orders = await orderCount()
      const newest = fs
        .readdirSync(shopEnv.TIENDA_BACKUP_DIR)
        .filter((name) => /^\d{8}T/.test(name))
        .sort()
        .pop()!
      const backupDir = path.join(shopEnv.TIENDA_BACKUP_DIR, newest)
      const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, "manifest.json"), "utf8"))
      const cluster = Number(
        (await sql(databaseUrl, "SELECT sum(pg_database_size(datname)) AS n FROM pg_database"))[0].n
      )
      const single = await timed(() => cli(["backup", "--json"], shopEnv))
      const restoreEnv = { TIENDA_STATE_DIR: path.join(drill, "restored"), TIENDA_PG_PORT: String(config.pgPort + 7) }
      const restore = await timed(() => cli(["restore", backupDir, "--verify"], restoreEnv))
      const verify = await timed(() => cli(["backup", "--verify", backupDir], shopEnv))
      const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
      const report = [
        `# Backup drill, ${new Date().toISOString()}`,
        "",
        `Cluster: ${mb(cluster)} in ${catalog.products} products' catalog template and its copies; the shop's database has ${orders} orders.`,
        "",
        "| measure | value |",
        "| --- | --- |",
        `| checkout without a backup | ${alone.rps} orders/s (p50 ${alone.p50} ms, p99 ${alone.p99} ms, errors ${alone.errors}) |`,
        `| checkout while backing up back to back | ${during.rps} orders/s (p50 ${during.p50} ms, p99 ${during.p99} ms, errors ${during.errors}); ${backups.length} backups of ${backups.join(", ")} s |`,
        `| one backup, idle shop (copy, scratch restore, checksums) | ${single.seconds} s, ${mb(manifest.bytes)} compressed |`,
        `| restore into a new state folder, with --verify | ${restore.seconds} s |`,
        `| backup --verify | ${verify.seconds} s |`,
        "",
      ].join("\n")
      fs.mkdirSync(path.join(__dirname, "results"), { recursive: true })
      fs.writeFileSync(path.join(__dirname, "results", "backup-drill.md"), report)
      console.log(report)
    } finally {
      await running.stop()
    }
  } finally {
    await server.stop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
