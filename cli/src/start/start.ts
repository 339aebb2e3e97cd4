import fs from "node:fs"
import path from "node:path"
import type { ChildProcess } from "node:child_process"
import { findProjectRoot, projectPaths, type ProjectPaths } from "../shared/project"
import { embeddedPort, LOCAL_HOST, loadProjectEnv, reachableHost, serverPort, userWantsProduction } from "../shared/env"
import { info, step, warn } from "../shared/log"
import { runLogged, exitOf } from "../shared/run"
import { freePort } from "../shared/free-port"
import {
  DEFAULT_EMBEDDED_PORT,
  EMBEDDED_DATABASE,
  startEmbeddedCluster,
  type EmbeddedCluster,
} from "../db/embedded-postgres"
import { ensureDatabase, readShopState, redact } from "../db/database"
import { embeddedUrl, runningBackgroundServer } from "../db/background-server"
import { shopClusterOptions } from "../db/shop-database"
import { buildApp, buildIsCurrent } from "./build-app"
import { migrateIfNeeded } from "./migrate"
import { createAdminUser, knownAdmin, type AdminCredentials } from "./admin-user"
import { startServer, waitForHealth } from "./serve"
import { parseProcessCount, startProcessGroup, type ProcessGroup } from "./process-group"
import { checkMedusaConfig } from "./check-config"
import { buildPlugins } from "../plugins/build-plugins"
import { ensureInstallSecrets } from "../../../src/lib/secrets/install-secrets"
import { observabilitySettings } from "../../../src/lib/settings/groups/observability"
import { readSetting } from "../../../src/lib/settings/read-settings"

export interface StartOptions {
  /** Rebuild even when the sources did not change. */
  build?: boolean
  /** Run migrations even when nothing changed. */
  migrate?: boolean
  /** Seed the demo store when the database is empty (default true). */
  seed?: boolean
  /** Server processes sharing the port, plus one worker (needs REDIS_URL above 1); default: one process doing both. */
  processes?: string
}

/**
 * `tienda start`: database (embedded unless DATABASE_URL), migrations, demo data, admin user, production build
 * and `medusa start`, each step skipped when there is nothing to do. Runs until the server stops or a signal
 * arrives; then stops the server and the embedded database, in that order, and resolves with the exit code.
 */
export async function startShop(options: StartOptions = {}): Promise<number> {
  const started = Date.now()
  const root = findProjectRoot()
  loadProjectEnv(root)
  const paths = projectPaths(root)
  fs.mkdirSync(paths.state, { recursive: true })
  const port = serverPort()
  // This process's own environment is what every child (migrate, seed, build, server) inherits.
  const env = process.env
  // Absolute, so `medusa start` in .medusa/server finds the same state folder (and secrets) as this process.
  Object.assign(env, { PORT: String(port), MEDUSA_DISABLE_TELEMETRY: "true", TIENDA_STATE_DIR: paths.state })
  if (!userWantsProduction()) {
    env.TIENDA_LOCAL = "true"
    // A local shop answers this machine only, unless HOST says otherwise.
    env.HOST ||= LOCAL_HOST
  }
  if (!env.JWT_SECRET || !env.COOKIE_SECRET) {
    // This install's own random secrets (never printed), used for whichever of the two the environment lacks.
    ensureInstallSecrets(paths.state)
  }
  checkMedusaConfig(root)
  const processes = parseProcessCount(options.processes, env.REDIS_URL)

  const stoppables: Stoppables = {}
  const stopping = onStopSignal(stoppables)

  const background = env.DATABASE_URL ? undefined : runningBackgroundServer(paths)
  if (background) {
    // `tienda db start` runs it: use it, and leave it running when the shop stops.
    env.DATABASE_URL = embeddedUrl(background.port)
    info(`• Using the embedded PostgreSQL that \`tienda db start\` runs (localhost:${background.port})`)
  }
  if (!env.DATABASE_URL) {
    const done = step("Starting the embedded PostgreSQL")
    stoppables.cluster = await startEmbeddedCluster(
      shopClusterOptions(paths, embeddedPort("TIENDA_PG_PORT", DEFAULT_EMBEDDED_PORT))
    )
    env.DATABASE_URL = stoppables.cluster.url(EMBEDDED_DATABASE)
    done(`listening on localhost:${stoppables.cluster.port}, data in ${displayPath(root, paths.postgresData)}`)
  }
  try {
    const databaseUrl = env.DATABASE_URL
    if (await ensureDatabase(databaseUrl)) {
      info(`• Created the database ${redact(databaseUrl)}`)
    }
    await buildPlugins(paths, env)
    // The build (CPU-bound, ~50 s) overlaps with migrating and seeding (mostly database work).
    const build = prepareBuild(paths, env, options)
    const admin = await prepareDatabase(paths, env, options)
    await build
    if (stopping.requested) {
      return await stopping.finished
    }

    let running: Promise<number>
    if (processes > 1) {
      const done = step(`Starting ${processes} server processes and a worker on port ${port}`)
      stoppables.group = startProcessGroup(paths, env, { servers: processes, port, workerPort: await freePort() })
      const startedUp = await Promise.race([stoppables.group.ready.then(() => true), stoppables.group.exited])
      if (startedUp !== true || stopping.requested) {
        return stopping.requested ? await stopping.finished : 1
      }
      done("ready")
      running = stoppables.group.exited
    } else {
      const done = step(`Starting Medusa on port ${port}`)
      stoppables.server = startServer(paths, env)
      await Promise.race([waitForHealth(port, stoppables.server), stopping.finished])
      if (stopping.requested) {
        return await stopping.finished
      }
      done("ready")
      running = exitOf(stoppables.server)
    }
    const state = await readShopState(databaseUrl)
    printBanner(port, admin, state.publishableKeys[0], (Date.now() - started) / 1000)
    const code = await Promise.race([running, stopping.finished])
    stoppables.server = undefined
    return stopping.requested ? await stopping.finished : code
  } finally {
    await stoppables.cluster?.stop()
  }
}

async function prepareBuild(paths: ProjectPaths, env: NodeJS.ProcessEnv, options: StartOptions): Promise<void> {
  if (!options.build && buildIsCurrent(paths)) {
    info("• Production build is up to date")
    return
  }
  const logFile = path.join(paths.state, "build.log")
  const done = step(
    `Building the app and the admin dashboard (about a minute; log in ${displayPath(paths.root, logFile)})`
  )
  await buildApp(paths, env, logFile)
  done("built")
}

async function prepareDatabase(paths: ProjectPaths, env: NodeJS.ProcessEnv, options: StartOptions) {
  const databaseUrl = env.DATABASE_URL as string
  let done = step("Checking migrations")
  done((await migrateIfNeeded(paths, env, { force: options.migrate })) ? "migrated" : "up to date")

  let state = await readShopState(databaseUrl)
  if (!state.hasCatalog && options.seed !== false) {
    done = step("Seeding the demo store from data/")
    await runLogged(paths.medusaBin, ["exec", "./src/scripts/seed.ts"], {
      cwd: paths.root,
      env,
      logFile: path.join(paths.state, "seed.log"),
    })
    done("seeded")
    state = await readShopState(databaseUrl)
  }
  if (state.adminEmails.length > 0) {
    return knownAdmin(paths, databaseUrl, state.adminEmails)
  }
  done = step("Creating the admin user")
  const admin = await createAdminUser(paths, env)
  done("created")
  return admin
}

interface Stoppables {
  server?: ChildProcess
  group?: ProcessGroup
  cluster?: EmbeddedCluster
}

/** SIGINT/SIGTERM: stop the server first (it flushes and closes its pool), the database after it. */
function onStopSignal(stoppables: Stoppables) {
  const control = { requested: false, finished: new Promise<number>(() => undefined) }
  let resolveFinished: (code: number) => void = () => undefined
  control.finished = new Promise<number>((resolve) => (resolveFinished = resolve))
  const handler = (signal: NodeJS.Signals) => {
    if (control.requested) {
      return
    }
    control.requested = true
    info(`\n• ${signal}: stopping`)
    if (stoppables.group) {
      // Each process drains first (TIENDA_DRAIN_TIMEOUT_SECONDS); the kill is only for one that hangs past it.
      const drainSeconds = readSetting(observabilitySettings.drainTimeoutSeconds, process.env)
      void stoppables.group.stop(15_000 + drainSeconds * 1000).then(() => resolveFinished(0))
      return
    }
    const server = stoppables.server
    if (!server || server.exitCode !== null) {
      resolveFinished(0)
      return
    }
    const kill = setTimeout(() => server.kill("SIGKILL"), 15_000)
    server.kill("SIGTERM")
    void exitOf(server).then(() => {
      clearTimeout(kill)
      resolveFinished(0)
    })
  }
  process.on("SIGINT", handler)
  process.on("SIGTERM", handler)
  return control
}

/** What the server's port is open to, from HOST (Medusa listens on every interface without it). */
function listeningOn(): string {
  const host = process.env.HOST
  if (!host || host === "0.0.0.0" || host === "::") {
    return "every network interface (set HOST=127.0.0.1 to keep it to this machine)"
  }
  const loopback = host === LOCAL_HOST || host === "localhost" || host === "::1"
  return loopback ? `${host} only (this machine; HOST=0.0.0.0 opens it)` : host
}

/** A path relative to the project when it is inside it, absolute otherwise. */
function displayPath(root: string, target: string): string {
  const relative = path.relative(root, target)
  return relative.startsWith("..") ? target : relative
}

function printBanner(port: number, admin: AdminCredentials, publishableKey: string | undefined, seconds: number) {
  const host = reachableHost()
  const base = `http://${host === LOCAL_HOST ? "localhost" : host}:${port}`
  info(
    [
      "",
      `Tienda is running (ready in ${seconds.toFixed(1)} s)`,
      `  Store API        ${base}/store`,
      `  Admin API        ${base}/admin`,
      `  Admin dashboard  ${base}/app`,
      `  Admin login      ${admin.email} / ${admin.password ?? "(password not stored on this machine)"}`,
      `  Publishable key  ${publishableKey ?? "(none: create one in the admin under Settings → Publishable API Keys)"}`,
      `  Listening on     ${listeningOn()}`,
      "",
      "Press Ctrl-C to stop.",
      "",
    ].join("\n")
  )
  if (!admin.password) {
    warn(
      `${admin.email} was created elsewhere; to add a user here run: npx medusa user -e you@example.com -p <password>`
    )
  }
}
