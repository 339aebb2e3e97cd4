import path from "node:path"
import { Client } from "pg"
import { TestDatabaseUtils } from "@medusajs/test-utils"
import { projectPaths } from "../../cli/src/shared/project"
import { runLogged } from "../../cli/src/shared/run"

/**
 * Every HTTP spec boots the app on a database of its own. Migrating a fresh one (all of Medusa's modules, links,
 * Tienda's plugins) is the slowest part of a spec, and the result is the same each time: the HTTP project's global
 * setup migrates one template database, and each spec's database starts as a copy of it. The test runner still
 * runs migrations on the copy, so a spec whose config adds a module gets that module's tables as before.
 */
const TEMPLATE_VARIABLE = "TIENDA_TEST_TEMPLATE_DB"

/** The template of this jest run: named by the global setup, which the workers inherit the variable from. */
const templateDatabase = (): string => {
  const name = process.env[TEMPLATE_VARIABLE]
  if (!name) {
    throw new Error(`${TEMPLATE_VARIABLE} is not set: run the HTTP specs through \`npm test\` (jest's http project)`)
  }
  return name
}

const root = path.resolve(__dirname, "../..")

/** The URL Medusa's test runner itself uses for a database (DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD). */
const connectionUrl = (database: string): string => TestDatabaseUtils.getDatabaseURL(database)

async function withServer<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: connectionUrl("postgres") })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** Drops and re-creates the template, then migrates it with Medusa's own CLI (modules, links, search indexes). */
export async function createMigratedTemplate(): Promise<void> {
  // Named after this run, so two runs on one server (or a nested one) never drop each other's template.
  process.env[TEMPLATE_VARIABLE] = `tienda-test-template-${process.pid}`
  const template = templateDatabase()
  await withServer(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`)
    await client.query(`CREATE DATABASE "${template}"`)
  })
  // Data migration scripts are left out: the test runner does not run them either.
  const paths = projectPaths(root)
  await runLogged(paths.medusaBin, ["db:migrate", "--skip-scripts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: connectionUrl(template), LOG_LEVEL: "error" },
    logFile: path.join(paths.state, "test-template-migrate.log"),
  })
}

export async function dropTemplate(): Promise<void> {
  await withServer((client) => client.query(`DROP DATABASE IF EXISTS "${templateDatabase()}" WITH (FORCE)`))
}

/** Any number: the session lock that lets one jest worker at a time copy the template. */
const CLONE_LOCK = 7_249_001

/**
 * A new database for one spec, copied from the migrated template. PostgreSQL refuses to copy a template while
 * another copy of it is being made ("source database is being accessed by other users"), so the workers take
 * turns, under a session advisory lock that ends with the connection.
 */
export async function cloneTemplate(database: string): Promise<void> {
  await withServer(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
    await client.query("SELECT pg_advisory_lock($1)", [CLONE_LOCK])
    await client.query(`CREATE DATABASE "${database}" TEMPLATE "${templateDatabase()}"`)
  })
}
