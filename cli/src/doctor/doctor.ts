import { findProjectRoot, projectPaths } from "../shared/project"
import { loadProjectEnv } from "../shared/env"
import { info } from "../shared/log"
import { withShopDatabase } from "../db/shop-database"
import {
  checkConfig,
  checkDatabase,
  checkElasticsearch,
  checkNode,
  checkPlugins,
  checkRedis,
  type Check,
} from "./checks"
import { checkSecrets } from "./secret-check"

const MARKS = { ok: "✓", warn: "!", fail: "✗" }

/**
 * `tienda doctor [--json]`: Node, configuration, secrets (published, weak or written in the project), database
 * reachable and migrated, admin user, Redis and Elasticsearch when configured, plugins built. Exit code 1 when
 * something is wrong; every problem comes with its fix. The embedded PostgreSQL is started for the check when it is not running.
 */
export async function runDoctor(options: { json?: boolean }): Promise<number> {
  const root = findProjectRoot()
  loadProjectEnv(root)
  const paths = projectPaths(root)
  const checks: Check[] = [checkNode(), checkConfig(root), ...checkSecrets(paths)]
  try {
    checks.push(...(await withShopDatabase(paths, (databaseUrl) => checkDatabase(paths, databaseUrl))))
  } catch (error) {
    checks.push({
      name: "Database",
      status: "fail",
      detail: (error as Error).message,
      fix: "see .tienda/postgres.log, or set DATABASE_URL",
    })
  }
  for (const optional of [
    await checkRedis(process.env.REDIS_URL),
    await checkElasticsearch(process.env.ELASTICSEARCH_URL),
  ]) {
    if (optional) {
      checks.push(optional)
    }
  }
  checks.push(...checkPlugins(root))
  const healthy = checks.every((check) => check.status !== "fail")
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ ok: healthy, checks }, null, 2)}\n`)
  } else {
    const width = Math.max(...checks.map((check) => check.name.length))
    for (const check of checks) {
      info(`${MARKS[check.status]} ${check.name.padEnd(width)}  ${check.detail}`)
      if (check.fix) {
        info(`  ${" ".repeat(width)}  fix: ${check.fix}`)
      }
    }
    info(healthy ? "\nNo problems found." : "\nProblems found: see the fixes above.")
  }
  return healthy ? 0 : 1
}
