import { PLUGIN_KINDS } from "./shared/plugin-kinds"

/**
 * A command's module, loaded when the command runs rather than when `tienda` starts: `--help`, a wrong argument
 * and the light commands skip what the others need (ts-morph alone takes ~0.5 s to load). `require`, not
 * `import()`, so that tsx's CommonJS hook compiles the TypeScript.
 */
function load<Module>(id: string): Module {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- synchronous and compiled by tsx (see above)
  return require(id) as Module
}

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
      {
        flags: "--processes <count>",
        description: "run this many server processes on the port plus one worker (needs REDIS_URL above 1)",
      },
    ],
    run: (options) => load<typeof import("./start/start")>("./start/start").startShop(options),
  },
  {
    name: "seed",
    description: "Seed the demo store into an empty database; --products N adds a synthetic catalog for benchmarks",
    options: [
      { flags: "--products <count>", description: "also generate this many synthetic products (3 variants each)" },
    ],
    run: (options) => load<typeof import("./seed/seed")>("./seed/seed").seedShop(options),
  },
  {
    name: "test",
    description:
      "Run every test: unit, HTTP integration, admin in a browser (embedded PostgreSQL unless DB_HOST is set)",
    arguments: [{ name: "[jestArgs...]", description: "extra arguments for jest (e.g. a test file pattern)" }],
    options: [
      { flags: "--unit", description: "unit tests only" },
      { flags: "--integration", description: "HTTP integration tests only" },
      { flags: "--e2e", description: "browser tests only" },
    ],
    run: (jestArgs: string[], options) =>
      load<typeof import("./test/test")>("./test/test").runTests({ ...options, jestArgs }),
  },
  {
    name: "plugin",
    description: "Create, install, list and remove plugins",
    subcommands: [
      {
        name: "new",
        description: "Create plugins/<name>: a small working plugin of the given type, with passing tests",
        arguments: [{ name: "<name>", description: "lower-case kebab-case name, e.g. gift-cards" }],
        options: [
          { flags: "--type <type>", description: "what the plugin provides", choices: PLUGIN_KINDS, required: true },
        ],
        run: (name: string, options) =>
          load<typeof import("./plugins/new-plugin")>("./plugins/new-plugin").newPlugin(name, options),
      },
      {
        name: "add",
        description:
          "Install a plugin (workspace folder or npm package), build it, register it in medusa-config.ts, migrate",
        arguments: [{ name: "<path-or-package>", description: "./plugins/<name>, a folder, or an npm package" }],
        options: [
          {
            flags: "--option <key=value>",
            description: "a plugin option (repeatable); env:NAME writes process.env.NAME",
            repeatable: true,
          },
          { flags: "--no-migrate", description: "register without running migrations" },
        ],
        run: (target: string, options) =>
          load<typeof import("./plugins/add-plugin")>("./plugins/add-plugin").addPlugin(target, options),
      },
      {
        name: "list",
        description: "List plugins: name, version, kind, where registered, built",
        options: [json],
        run: (options) => load<typeof import("./plugins/list-plugins")>("./plugins/list-plugins").listPlugins(options),
      },
      {
        name: "remove",
        description: "Unregister a plugin from medusa-config.ts (its data stays unless --purge)",
        arguments: [{ name: "<name>", description: "folder under plugins/ or package name" }],
        options: [{ flags: "--purge", description: "also revert its modules' migrations (drops their tables)" }],
        run: (name: string, options) =>
          load<typeof import("./plugins/remove-plugin")>("./plugins/remove-plugin").removePlugin(name, options),
      },
    ],
  },
  {
    name: "doctor",
    description: "Check Node, configuration, database, migrations, admin user, Redis, Elasticsearch, plugins",
    options: [json],
    run: (options) => load<typeof import("./doctor/doctor")>("./doctor/doctor").runDoctor(options),
  },
  {
    name: "db",
    description: "The embedded PostgreSQL: start, stop, status, psql",
    subcommands: [
      {
        name: "start",
        description: "Start the embedded PostgreSQL in the background",
        run: () => load<typeof import("./db/db-start")>("./db/db-start").startDatabase(),
      },
      {
        name: "stop",
        description: "Stop the embedded PostgreSQL started by `tienda db start`",
        run: () => load<typeof import("./db/db-stop")>("./db/db-stop").stopDatabase(),
      },
      {
        name: "status",
        description: "Show which PostgreSQL the shop uses and whether it runs",
        options: [json],
        run: (options) => load<typeof import("./db/db-status")>("./db/db-status").databaseStatus(options),
      },
      {
        name: "psql",
        description: "Open psql on the shop's database (arguments after -- go to psql)",
        arguments: [{ name: "[psqlArgs...]", description: "arguments for psql, e.g. -- -c 'select 1'" }],
        run: (args: string[]) => load<typeof import("./db/db-psql")>("./db/db-psql").openPsql(args),
      },
      {
        name: "serve",
        description: "Run the embedded PostgreSQL in the foreground (used by db start)",
        hidden: true,
        run: () => load<typeof import("./db/db-serve")>("./db/db-serve").serveDatabase(),
      },
    ],
  },
  {
    name: "backup",
    description: "Back up the shop's database and uploads (read back before it counts); --verify, --list, --keep",
    options: [
      { flags: "--verify [backup]", description: "check a backup (default the newest): checksums, then a restore" },
      { flags: "--list", description: "list the backups" },
      { flags: "--keep <count>", description: "after backing up, delete all but the newest <count> backups" },
      {
        flags: "--scheduled",
        description:
          "the worker's hourly call: back up when TIENDA_BACKUP_INTERVAL_HOURS passed, keep TIENDA_BACKUP_KEEP",
      },
      json,
    ],
    run: (options) => load<typeof import("./backup/backup-command")>("./backup/backup-command").backupShop(options),
  },
  {
    name: "restore",
    description: "Restore a backup into the shop's database (stopped); --to replays archived changes up to a moment",
    arguments: [{ name: "<backup>", description: "a backup folder (tienda backup --list)" }],
    options: [
      { flags: "--to <time>", description: "point in time, e.g. 2026-12-06T13:30:00Z (needs the WAL archive)" },
      { flags: "--force", description: "move the database already there aside instead of refusing" },
      { flags: "--verify", description: "compare every table with the backup's manifest after restoring" },
      {
        flags: "--wal <folder>",
        description: "another folder of archived WAL to replay from (repeatable)",
        repeatable: true,
      },
    ],
    run: (backup: string, options) =>
      load<typeof import("./backup/restore-command")>("./backup/restore-command").restoreShop(backup, options),
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
        run: (options) => load<typeof import("./user/create-user")>("./user/create-user").createUser(options),
      },
    ],
  },
]
