import { findProjectRoot, projectPaths, UsageError } from "../shared/project"
import { loadProjectEnv } from "../shared/env"
import { step } from "../shared/log"
import { run } from "../shared/run"
import { ensureDatabase } from "../db/database"
import { withShopDatabase } from "../db/shop-database"
import { migrateIfNeeded } from "../start/migrate"
import { buildPlugins } from "../plugins/build-plugins"

/**
 * `tienda seed [--products N]`: the demo store (when the database has none) and, with --products, a synthetic
 * catalog of N products for benchmarks. Migrates first when needed, so it works on a brand-new database.
 */
export async function seedShop(options: { products?: string }): Promise<number> {
  const args: string[] = []
  if (options.products !== undefined) {
    const count = Number(options.products)
    if (!Number.isInteger(count) || count < 1) {
      throw new UsageError(`--products takes a whole number of at least 1 (got "${options.products}")`)
    }
    args.push(`products=${count}`)
  }
  const root = findProjectRoot()
  loadProjectEnv(root)
  const paths = projectPaths(root)
  return withShopDatabase(paths, async (databaseUrl) => {
    const env = { ...process.env, DATABASE_URL: databaseUrl, MEDUSA_DISABLE_TELEMETRY: "true" }
    await ensureDatabase(databaseUrl)
    await buildPlugins(paths, env)
    const done = step("Checking migrations")
    done((await migrateIfNeeded(paths, env)) ? "migrated" : "up to date")
    await run(paths.medusaBin, ["exec", "./src/scripts/seed.ts", ...args], { cwd: root, env })
    return 0
  })
}
