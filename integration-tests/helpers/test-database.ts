import path from "node:path"
import { Client } from "pg"
import { TestDatabaseUtils } from "@medusajs/test-utils"
import { projectPaths } from "../../cli/src/shared/project"
import { runLogged } from "../../cli/src/shared/run"

/**
 * Every HTTP spec boots the app on a database of its own. Migrating a fresh one (all of Medusa's modules, links,
 * Tienda's plugins) is the slowest part of a spec, and the result is the same each time: one template database is
 * migrated, and each spec's database starts as a copy of it. The test runner still
 * runs migrations on the copy, so a spec whose config adds a module gets that module's tables as before.
 * The templates are made on first use, each under its own lock (see migratedTemplate and seededTemplate).
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

/**
 * Names this run's templates (the HTTP project's global setup; the workers inherit the variable) and drops any
 * leftovers of an earlier run of the same name. The templates themselves are made on first use (below): a run
 * whose specs need none (a plugin's own module tests, `tienda test --unit`) does not migrate the whole app.
 */
export async function nameTemplates(): Promise<void> {
  // Named after this run, so two runs on one server (or a nested one) never drop each other's template.
  process.env[TEMPLATE_VARIABLE] = `tienda-test-template-${process.pid}`
  await dropTemplate()
}

/**
 * The migrated template, made by the first spec that needs it (the others wait on a lock): an empty database
 * migrated with Medusa's own CLI (modules, links, search indexes). Data migration scripts are left out: the test
 * runner does not run them either. Only a finished migration is renamed into place.
 */
async function migratedTemplate(): Promise<string> {
  const template = templateDatabase()
  await withServer(async (client) => {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATE_LOCK])
    if ((await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [template])).rowCount) {
      return
    }
    const started = Date.now()
    const building = `${template}-building`
    await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`)
    await client.query(`CREATE DATABASE "${building}"`)
    const paths = projectPaths(root)
    await runLogged(paths.medusaBin, ["db:migrate", "--skip-scripts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: connectionUrl(building), LOG_LEVEL: "error" },
      logFile: path.join(paths.state, "test-template-migrate.log"),
    })
    await client.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`)
    console.log(`Migrated the template database for the HTTP specs in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  })
  return template
}

/** The seeded template's name: the migrated one's, with the demo store in it (see seededTemplate). */
const seededTemplateDatabase = (): string => `${templateDatabase()}-seeded`

export async function dropTemplate(): Promise<void> {
  await withServer(async (client) => {
    // PostgreSQL refuses to drop a database marked as a template (the seeded one is, see seededTemplate).
    const seeded = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [seededTemplateDatabase()])
    if (seeded.rowCount) {
      await client.query(`ALTER DATABASE "${seededTemplateDatabase()}" WITH IS_TEMPLATE false`)
    }
    for (const database of [seededTemplateDatabase(), templateDatabase()]) {
      await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
      await client.query(`DROP DATABASE IF EXISTS "${database}-building" WITH (FORCE)`)
    }
  })
}

/** Any numbers: the session locks that let one jest worker at a time copy a template, seed or migrate one. */
const CLONE_LOCK = 7_249_001
const SEED_LOCK = 7_249_002
const MIGRATE_LOCK = 7_249_003

export type TemplateKind = "migrated" | "seeded"

/**
 * A new database for one spec, copied from the migrated template, or from the seeded one (the migrated template
 * plus the demo store of data/, as `npm start` seeds it). PostgreSQL refuses to copy a template while another copy
 * of it is being made ("source database is being accessed by other users"), so the workers take turns, under a
 * session advisory lock that ends with the connection.
 */
export async function cloneTemplate(database: string, kind: TemplateKind = "migrated"): Promise<void> {
  const template = kind === "seeded" ? await seededTemplate() : await migratedTemplate()
  await withServer(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
    await client.query("SELECT pg_advisory_lock($1)", [CLONE_LOCK])
    await client.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`)
  })
}

/**
 * The seeded template, made by the first spec that asks for it (the others wait on a lock): a copy of the migrated
 * template that the seed script (`medusa exec ./src/scripts/seed.ts`, demo store + search index) has run on. Seeding
 * costs a spec ~15 s; most specs start from the demo store, so they copy it instead. Made on demand, not in the
 * global setup: a run of a few specs that need no demo store (e.g. a plugin's own) does not pay for it.
 */
async function seededTemplate(): Promise<string> {
  const seeded = seededTemplateDatabase()
  const migrated = await migratedTemplate()
  await withServer(async (client) => {
    await client.query("SELECT pg_advisory_lock($1)", [SEED_LOCK])
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1 AND datistemplate", [seeded])
    if (exists.rowCount) {
      return
    }
    const building = `${seeded}-building`
    await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`)
    await client.query("SELECT pg_advisory_lock($1)", [CLONE_LOCK])
    await client.query(`CREATE DATABASE "${building}" TEMPLATE "${migrated}"`)
    await client.query("SELECT pg_advisory_unlock($1)", [CLONE_LOCK])
    const paths = projectPaths(root)
    await runLogged(paths.medusaBin, ["exec", "./src/scripts/seed.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: connectionUrl(building), LOG_LEVEL: "error" },
      logFile: path.join(paths.state, "test-template-seed.log"),
    })
    // Only a finished seed becomes the template: a failed one leaves nothing that looks usable.
    await client.query(`ALTER DATABASE "${building}" RENAME TO "${seeded}"`)
    await client.query(`ALTER DATABASE "${seeded}" WITH IS_TEMPLATE true`)
  })
  return seeded
}
