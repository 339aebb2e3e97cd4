import fs from "node:fs"
import { createHash } from "node:crypto"
import path from "node:path"
import { Client } from "pg"
import { startEmbeddedCluster } from "../cli/src/db/embedded-postgres"
import { run, runLogged } from "../cli/src/shared/run"
import { projectPaths } from "../cli/src/shared/project"
import { buildPlugin, workspacePlugins } from "../cli/src/plugins/build-plugins"
import { BENCH_ADMIN, config, root, stateDir } from "./config"

/**
 * The benchmark's data: seeded ONCE into a template database (`bench_seed_<N>`), then cloned with
 * `CREATE DATABASE … TEMPLATE …` for every system, so all of them serve the same catalog and every system's
 * checkouts start from the same stock.
 */
export interface BenchServer {
  url(database: string): string
  stop(): Promise<void>
}

/** The bench's PostgreSQL; `walArchive` turns on continuous archiving (the backup drill needs it). */
export async function startPostgres(walArchive?: string): Promise<BenchServer> {
  if (config.databaseUrl) {
    const base = new URL(config.databaseUrl)
    return {
      url: (database) => Object.assign(new URL(base.toString()), { pathname: `/${database}` }).toString(),
      stop: async () => {},
    }
  }
  fs.mkdirSync(stateDir, { recursive: true })
  return startEmbeddedCluster({
    dataDir: path.join(stateDir, "postgres"),
    port: config.pgPort,
    logFile: path.join(stateDir, "postgres.log"),
    walArchive: walArchive ? { dir: walArchive, timeoutSeconds: 60 } : undefined,
  })
}

export async function sql<T = any>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(text, values)).rows as T[]
  } finally {
    await client.end()
  }
}

/**
 * The template is named after the catalog size and a fingerprint of what shapes the seeded data (the schema's
 * migrations, the seed script, the demo data, the bench's own seeding steps, the Medusa version), so a change to
 * any of them seeds a new one instead of benchmarking a stale database.
 */
function templateName(): string {
  const hash = createHash("sha1")
  const sources = [
    // The index definitions (src/search), the seed (src/scripts) and every migration; not the API code.
    ...listFiles("src").filter(
      (file) => /^src[/\\](search|scripts)[/\\]|[/\\]migrations[/\\]/.test(file) && !file.endsWith(".md")
    ),
    ...listFiles("plugins").filter((file) => /[/\\]src[/\\].*[/\\]migrations[/\\]/.test(file)),
    ...listFiles("data"),
    path.join("bench", "fixture.ts"),
    path.join("bench", "database.ts"),
    path.join("node_modules", "@medusajs", "medusa", "package.json"),
  ]
  for (const file of sources.sort()) {
    hash.update(file).update(fs.readFileSync(path.join(root, file)))
  }
  return `bench_seed_${config.products}_${hash.digest("hex").slice(0, 10)}`
}

/** Files under a folder of the repository, as paths relative to its root (dependencies and builds left out). */
function listFiles(folder: string): string[] {
  const dir = path.join(root, folder)
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter(
      (entry) => entry.isFile() && !entry.parentPath.includes("node_modules") && !entry.parentPath.includes(".medusa")
    )
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
}

/** Seeds the template when it does not exist yet (~3 min for 10,000 products here); reused by later runs. */
export async function ensureTemplate(server: BenchServer): Promise<{ name: string; seededSeconds: number }> {
  const name = templateName()
  const admin = server.url("postgres")
  const ready = await sql(admin, "SELECT 1 FROM pg_database WHERE datname = $1 AND datistemplate", [name])
  if (ready.length) {
    console.log(`catalog: reusing database ${name}`)
    return { name, seededSeconds: 0 }
  }
  const building = `${name}_building`
  await sql(admin, `DROP DATABASE IF EXISTS ${building}`)
  await sql(admin, `CREATE DATABASE ${building}`)
  const env = {
    ...process.env,
    DATABASE_URL: server.url(building),
    TIENDA_STATE_DIR: stateDir,
    MEDUSA_DISABLE_TELEMETRY: "true",
    REDIS_URL: "",
  }
  const started = Date.now()
  const medusa = path.join(root, "node_modules", ".bin", "medusa")
  await buildWorkspacePlugins(env)
  const logFile = path.join(stateDir, "migrate.log")
  await runLogged(medusa, ["db:migrate", "--execute-safe-links", "--execute-safe-search"], { cwd: root, env, logFile })
  // What `tienda seed --products N` runs (the demo store, then N synthetic products through the modules).
  await run(medusa, ["exec", "./src/scripts/seed.ts", `products=${config.products}`], { cwd: root, env })
  // A flat shipping option through Medusa's own manual provider, so stock Medusa can check out on the same data.
  await run(medusa, ["exec", "./bench/fixture.ts"], { cwd: root, env })
  // The admin the search-rebuild measurement logs in as, made by Medusa's own command.
  await runLogged(medusa, ["user", "-e", BENCH_ADMIN.email, "-p", BENCH_ADMIN.password], {
    cwd: root,
    env,
    logFile: path.join(stateDir, "user.log"),
  })
  console.log(`catalog: seeded ${config.products} products in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  await sql(admin, `ALTER DATABASE ${building} RENAME TO ${name}`)
  await sql(admin, `ALTER DATABASE ${name} WITH is_template true`)
  // Templates of this catalog size from an older schema or seed are never used again (~1 GB each); other sizes stay.
  const stale = await sql(
    admin,
    `SELECT datname FROM pg_database WHERE (datname = $1 OR starts_with(datname, $1 || '_')) AND datname <> $2`,
    [`bench_seed_${config.products}`, name]
  )
  for (const { datname } of stale) {
    await sql(admin, `ALTER DATABASE "${datname}" WITH is_template false`)
    await sql(admin, `DROP DATABASE "${datname}"`)
  }
  return { name, seededSeconds: (Date.now() - started) / 1000 }
}

/** Builds the workspace plugins (needed to migrate); one that does not build is reported, not fatal. */
async function buildWorkspacePlugins(env: NodeJS.ProcessEnv): Promise<void> {
  const paths = { ...projectPaths(root), state: stateDir }
  for (const plugin of workspacePlugins(paths)) {
    await buildPlugin(paths, plugin, env).catch((error) => console.warn(`plugin ${plugin.name}: ${error.message}`))
  }
}

/** A fresh copy of the template for one system. */
export async function cloneFor(server: BenchServer, template: string, system: string): Promise<string> {
  const name = `bench_${system.replace(/[^a-z0-9]/g, "_")}`
  const admin = server.url("postgres")
  await sql(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await sql(admin, `CREATE DATABASE ${name} TEMPLATE ${template}`)
  return server.url(name)
}

/** What the scenarios need from the data: key, regions, handles, categories, collections, variants, shipping. */
export interface Catalog {
  key: string
  regions: Array<{ id: string; currency: string; country: string }>
  handles: string[]
  productIds: string[]
  categories: string[]
  collections: string[]
  variants: string[]
  shippingOptionByRegion: Record<string, string>
  products: number
  variantCount: number
}

export async function readCatalog(url: string): Promise<Catalog> {
  const [key] = await sql(url, "SELECT token FROM api_key WHERE type = 'publishable' AND revoked_at IS NULL LIMIT 1")
  const regions = await sql(
    url,
    `SELECT r.id, r.currency_code AS currency, min(c.iso_2) AS country FROM region r
     JOIN region_country c ON c.region_id = r.id WHERE r.deleted_at IS NULL GROUP BY r.id, r.currency_code ORDER BY r.currency_code`
  )
  const published = await sql(url, "SELECT id, handle FROM product WHERE deleted_at IS NULL AND status = 'published'")
  const categories = await sql(url, "SELECT id FROM product_category WHERE deleted_at IS NULL")
  const collections = await sql(url, "SELECT id FROM product_collection WHERE deleted_at IS NULL")
  const variants = await sql(
    url,
    `SELECT v.id FROM product_variant v JOIN product p ON p.id = v.product_id
     WHERE v.deleted_at IS NULL AND p.status = 'published' AND v.sku LIKE 'SYN-%' LIMIT 5000`
  )
  const options = await sql(
    url,
    `SELECT DISTINCT ON (r.id) r.id AS region_id, o.id FROM shipping_option o
     JOIN geo_zone g ON g.service_zone_id = o.service_zone_id AND g.deleted_at IS NULL
     JOIN region_country c ON c.iso_2 = g.country_code JOIN region r ON r.id = c.region_id
     WHERE o.name = 'Bench flat' AND o.deleted_at IS NULL`
  )
  const [counts] = await sql(
    url,
    "SELECT (SELECT count(*) FROM product WHERE deleted_at IS NULL) AS p, (SELECT count(*) FROM product_variant WHERE deleted_at IS NULL) AS v"
  )
  return {
    key: key.token,
    regions,
    handles: published.map((row) => row.handle),
    productIds: published.map((row) => row.id),
    categories: categories.map((row) => row.id),
    collections: collections.map((row) => row.id),
    variants: variants.map((row) => row.id),
    shippingOptionByRegion: Object.fromEntries(options.map((row) => [row.region_id, row.id])),
    products: Number(counts.p),
    variantCount: Number(counts.v),
  }
}
