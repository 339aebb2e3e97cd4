import path from "node:path"
import fs from "node:fs"
import os from "node:os"
import { spawn, type ChildProcess } from "node:child_process"
import { findProjectRoot, projectPaths } from "../shared/project"
import { embeddedPort } from "../shared/env"
import { info, step } from "../shared/log"
import { exitOf } from "../shared/run"
import { buildPlugins } from "../plugins/build-plugins"
import { EMBEDDED_PASSWORD, EMBEDDED_USER, startEmbeddedCluster, type EmbeddedCluster } from "../db/embedded-postgres"
import { prepareTestRedis, type TestRedis } from "./test-redis"

export interface TestOptions {
  unit?: boolean
  integration?: boolean
  e2e?: boolean
  jestArgs?: string[]
}

const DEFAULT_TEST_PG_PORT = 54330

/** Spec files run side by side: TIENDA_TEST_WORKERS, else one per core (most of a spec's time is spent waiting). */
function testWorkers(): number {
  const asked = Number(process.env.TIENDA_TEST_WORKERS)
  return Number.isInteger(asked) && asked > 0 ? asked : Math.max(1, os.availableParallelism())
}

/**
 * `tienda test` (what `npm test` runs): every jest project in one run. Without DB_HOST it starts a throw-away
 * embedded PostgreSQL (no fsync: test data need not survive a power cut) and removes it afterwards; for the HTTP
 * and e2e projects a throw-away Redis too (./test-redis.ts), stopped at the end, on failure and on SIGINT.
 */
export async function runTests(options: TestOptions): Promise<number> {
  const root = findProjectRoot()
  const paths = projectPaths(root)
  const projects = [options.unit && "unit", options.integration && "http", options.e2e && "e2e"].filter(Boolean)
  // test-utils loads the Medusa config with a dynamic import(), which jest allows only with vm modules on.
  const nodeOptions = [process.env.NODE_OPTIONS, "--experimental-vm-modules", "--no-warnings"].filter(Boolean).join(" ")
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MEDUSA_DISABLE_TELEMETRY: "true",
    NODE_ENV: "test",
    NODE_OPTIONS: nodeOptions,
    // Medusa logs one line per request by default; tests want their own report readable.
    LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
  }

  // Stop signals are handled from here on, so the servers started below are always stopped.
  let jest: ChildProcess | undefined
  let interrupted = false
  const stop = () => {
    interrupted = true
    jest?.kill("SIGTERM")
  }
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)

  fs.mkdirSync(paths.state, { recursive: true })
  let cluster: EmbeddedCluster | undefined
  let redis: TestRedis | undefined
  try {
    // PostgreSQL first: it listens on a fixed port (TIENDA_TEST_PG_PORT), which Redis's free port, chosen by the
    // operating system, could otherwise take before PostgreSQL binds it.
    cluster = await startPostgres(paths, env)
    // No project flag runs them all; the unit project needs no Redis.
    if (projects.length === 0 || options.integration || options.e2e) {
      // Before the plugins build: a run that cannot have the Redis it needs fails at once.
      redis = await prepareTestRedis(paths.state, process.env)
      Object.assign(env, redis.env)
    }
    await buildPlugins(paths, env)
    if (interrupted) {
      return 130
    }

    // Extra arguments go first: --selectProjects takes a list and would swallow a test path after it. Each spec
    // file runs in a worker process that is replaced once it holds more than jest.config.js's
    // workerIdleMemoryLimit: a booted Medusa app leaves memory behind, and one process running every spec ran out
    // of heap in CI.
    const selected = projects.flatMap((name) => ["--selectProjects", name as string])
    const jestArgs = [`--maxWorkers=${testWorkers()}`, "--forceExit", ...selected]
    jest = spawn(path.join(root, "node_modules", ".bin", "jest"), [...(options.jestArgs ?? []), ...jestArgs], {
      cwd: root,
      env,
      stdio: "inherit",
    })
    return await exitOf(jest)
  } finally {
    await redis?.stop()
    await cluster?.stop()
    redis?.summary()
  }
}

/** The throw-away embedded PostgreSQL, unless DB_HOST names a server to use. */
async function startPostgres(paths: ReturnType<typeof projectPaths>, env: NodeJS.ProcessEnv) {
  let cluster: EmbeddedCluster | undefined
  if (!env.DB_HOST) {
    const done = step("Starting a throw-away embedded PostgreSQL for the tests")
    fs.rmSync(paths.testPostgresData, { recursive: true, force: true })
    cluster = await startEmbeddedCluster({
      dataDir: paths.testPostgresData,
      port: embeddedPort("TIENDA_TEST_PG_PORT", DEFAULT_TEST_PG_PORT),
      portVariable: "TIENDA_TEST_PG_PORT",
      logFile: path.join(paths.state, "test-postgres.log"),
      ephemeral: true,
      fast: true,
    })
    // test-utils forces SSL unless the host is literally "localhost".
    Object.assign(env, {
      DB_HOST: "localhost",
      DB_PORT: String(cluster.port),
      DB_USERNAME: EMBEDDED_USER,
      DB_PASSWORD: EMBEDDED_PASSWORD,
    })
    done(`localhost:${cluster.port}`)
  } else {
    info(`• Using the PostgreSQL server at ${env.DB_HOST}:${env.DB_PORT ?? 5432} (DB_HOST is set)`)
  }
  return cluster
}
