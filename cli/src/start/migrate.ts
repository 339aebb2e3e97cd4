import path from "node:path"
import fs from "node:fs"
import type { ProjectPaths } from "../shared/project"
import { fingerprint, readStamp, writeStamp } from "../shared/fingerprint"
import { withClient } from "../db/database"
import { runLogged } from "../shared/run"

/**
 * `medusa db:migrate` costs ~18 s even when nothing is pending (it boots every module). It is skipped when
 * neither the code that defines the schema nor the database's own migration history changed since the last run.
 */
export async function migrationFingerprint(paths: ProjectPaths, databaseUrl: string): Promise<string> {
  const pluginSources = fs.existsSync(path.join(paths.root, "plugins"))
    ? fs.readdirSync(path.join(paths.root, "plugins")).map((name) => `plugins/${name}/.medusa/server/src`)
    : []
  const history = await withClient(databaseUrl, async (client) => {
    const tables = ["mikro_orm_migrations", "script_migrations", "link_module_migrations"]
    const counts: string[] = [
      String((await client.query("SELECT oid FROM pg_database WHERE datname = current_database()")).rows[0].oid),
    ]
    for (const table of tables) {
      const exists = (await client.query("SELECT to_regclass($1) AS oid", [`public.${table}`])).rows[0].oid
      counts.push(exists ? String((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n) : "-")
    }
    return counts.join("/")
  })
  return fingerprint(
    paths.root,
    ["medusa-config.ts", "package-lock.json", "src/modules", "src/links", "src/search", ...pluginSources],
    {
      history,
      database: databaseUrl,
      REDIS_URL: process.env.REDIS_URL ? "set" : "",
      ELASTICSEARCH_URL: process.env.ELASTICSEARCH_URL ? "set" : "",
      STRIPE_API_KEY: process.env.STRIPE_API_KEY ? "set" : "",
    }
  )
}

/** Runs pending migrations unless nothing changed; returns whether it ran them. */
export async function migrateIfNeeded(
  paths: ProjectPaths,
  env: NodeJS.ProcessEnv,
  options: { force?: boolean } = {}
): Promise<boolean> {
  const databaseUrl = env.DATABASE_URL as string
  const stampFile = paths.migrateStamp
  if (!options.force && readStamp(stampFile) === (await migrationFingerprint(paths, databaseUrl))) {
    return false
  }
  await runLogged(paths.medusaBin, ["db:migrate", "--execute-safe-links", "--execute-safe-search"], {
    cwd: paths.root,
    env,
    logFile: path.join(paths.state, "migrate.log"),
  })
  writeStamp(stampFile, await migrationFingerprint(paths, databaseUrl))
  return true
}
