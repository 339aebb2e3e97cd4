import { PLUGIN_KINDS } from "./shared/plugin-kinds"
import { startShop } from "./start/start"
import { runTests } from "./test/test"
import { seedShop } from "./seed/seed"
import { newPlugin } from "./plugins/new-plugin"
import { addPlugin } from "./plugins/add-plugin"
import { listPlugins } from "./plugins/list-plugins"
import { removePlugin } from "./plugins/remove-plugin"
import { runDoctor } from "./doctor/doctor"
import { startDatabase } from "./db/db-start"
import { stopDatabase } from "./db/db-stop"
import { databaseStatus } from "./db/db-status"
import { openPsql } from "./db/db-psql"
import { serveDatabase } from "./db/db-serve"
import { createUser } from "./user/create-user"

/** One option of a command; `repeatable` collects every occurrence into a list. */
export interface OptionSpec {
  flags: string
  description: string
  choices?: readonly string[]
  required?: boolean
  repeatable?: boolean
}

/**
 * A command as data: index.ts turns this table into commander commands, so each flag is declared once, here.
 * `run` gets the positional arguments in order, then the options, and resolves with the exit code.
 */
export interface CommandSpec {
  name: string
  description: string
  arguments?: { name: string; description: string }[]
  options?: OptionSpec[]
  run?: (...args: any[]) => Promise<number>
  subcommands?: CommandSpec[]
  hidden?: boolean
}

const json: OptionSpec = { flags: "--json", description: "print JSON instead of text" }

export const COMMANDS: CommandSpec[] = [
  {
    name: "start",
    description: "Start the shop: database, migrations, demo data, admin user, build, server",
    options: [
      { flags: "--build", description: "rebuild even when nothing changed" },
      { flags: "--migrate", description: "run migrations even when nothing changed" },
      { flags: "--no-seed", description: "do not seed the demo store into an empty database" },
    ],
    run: (options) => startShop(options),
  },
  {
    name: "seed",
    description: "Seed the demo store into an empty database; --products N adds a synthetic catalog for benchmarks",
    options: [{ flags: "--products <count>", description: "also generate this many synthetic products (3 variants each)" }],
    run: (options) => seedShop(options),
  },
  {
    name: "test",
    description: "Run every test: unit, HTTP integration, admin in a browser (embedded PostgreSQL unless DB_HOST is set)",
    arguments: [{ name: "[jestArgs...]", description: "extra arguments for jest (e.g. a test file pattern)" }],
    options: [
      { flags: "--unit", description: "unit tests only" },
      { flags: "--integration", description: "HTTP integration tests only" },
      { flags: "--e2e", description: "browser tests only" },
    ],
    run: (jestArgs: string[], options) => runTests({ ...options, jestArgs }),
  },
  {
    name: "plugin",
    description: "Create, install, list and remove plugins",
    subcommands: [
      {
        name: "new",
        description: "Create plugins/<name>: a small working plugin of the given type, with passing tests",
        arguments: [{ name: "<name>", description: "lower-case kebab-case name, e.g. gift-cards" }],
        options: [{ flags: "--type <type>", description: "what the plugin provides", choices: PLUGIN_KINDS, required: true }],
        run: (name: string, options) => newPlugin(name, options),
      },
      {
        name: "add",
        description: "Install a plugin (workspace folder or npm package), build it, register it in medusa-config.ts, migrate",
        arguments: [{ name: "<path-or-package>", description: "./plugins/<name>, a folder, or an npm package" }],
        options: [
          { flags: "--option <key=value>", description: "a plugin option (repeatable); env:NAME writes process.env.NAME", repeatable: true },
          { flags: "--no-migrate", description: "register without running migrations" },
        ],
        run: (target: string, options) => addPlugin(target, options),
      },
      {
        name: "list",
        description: "List plugins: name, version, kind, where registered, built",
        options: [json],
        run: (options) => listPlugins(options),
      },
      {
        name: "remove",
        description: "Unregister a plugin from medusa-config.ts (its data stays unless --purge)",
        arguments: [{ name: "<name>", description: "folder under plugins/ or package name" }],
        options: [{ flags: "--purge", description: "also revert its modules' migrations (drops their tables)" }],
        run: (name: string, options) => removePlugin(name, options),
      },
    ],
  },
  {
    name: "doctor",
    description: "Check Node, configuration, database, migrations, admin user, Redis, Elasticsearch, plugins",
    options: [json],
    run: (options) => runDoctor(options),
  },
  {
    name: "db",
    description: "The embedded PostgreSQL: start, stop, status, psql",
    subcommands: [
      { name: "start", description: "Start the embedded PostgreSQL in the background", run: () => startDatabase() },
      { name: "stop", description: "Stop the embedded PostgreSQL started by `tienda db start`", run: () => stopDatabase() },
      { name: "status", description: "Show which PostgreSQL the shop uses and whether it runs", options: [json], run: (options) => databaseStatus(options) },
      {
        name: "psql",
        description: "Open psql on the shop's database (arguments after -- go to psql)",
        arguments: [{ name: "[psqlArgs...]", description: "arguments for psql, e.g. -- -c 'select 1'" }],
        run: (args: string[]) => openPsql(args),
      },
      { name: "serve", description: "Run the embedded PostgreSQL in the foreground (used by db start)", hidden: true, run: () => serveDatabase() },
    ],
  },
  {
    name: "user",
    description: "Manage admin users",
    subcommands: [
      {
        name: "create",
        description: "Create an admin user (a random password is printed unless --password is given)",
        options: [
          { flags: "--email <email>", description: "the user's email", required: true },
          { flags: "--password <password>", description: "at least 8 characters; random when left out" },
        ],
        run: (options) => createUser(options),
      },
    ],
  },
]
