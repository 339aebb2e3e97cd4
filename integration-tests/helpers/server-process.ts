import { spawn, type ChildProcess } from "node:child_process"
import path from "node:path"
import { embeddedUrl } from "../../cli/src/db/background-server"
import { root } from "./shop-process"
import type { SharedShop } from "./shared-shop"

/** One `medusa start` of the project's production build (a server or the worker of a scaled-out shop). */
export interface ServerProcess {
  child: ChildProcess
  port: number
  base: string
  output: () => string
}

export interface MedusaProcessOptions {
  databaseUrl: string
  /** The shop's state folder: one shop, one secret, so every process signs and verifies the same tokens. */
  stateDir: string
  port: number
  mode: "server" | "worker"
  env?: Record<string, string>
  timeoutMs?: number
}

/**
 * Starts `medusa start` in `.medusa/server` and resolves once it answers: a server on `/ready`, the worker (which
 * serves no routes) on `/health`, which Medusa adds only after its subscribers and jobs are loaded.
 */
export async function startMedusaProcess(options: MedusaProcessOptions): Promise<ServerProcess> {
  let output = ""
  const child = spawn(path.join(root, "node_modules/.bin/medusa"), ["start"], {
    cwd: path.join(root, ".medusa/server"),
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PORT: String(options.port),
      TIENDA_LOCAL: "true",
      TIENDA_STATE_DIR: options.stateDir,
      MEDUSA_WORKER_MODE: options.mode,
      MEDUSA_DISABLE_TELEMETRY: "true",
      TIENDA_METRICS_PORT: "off",
      LOG_LEVEL: "warn",
      ...options.env,
    },
  })
  child.stdout.on("data", (chunk) => (output += chunk))
  child.stderr.on("data", (chunk) => (output += chunk))
  const base = `http://127.0.0.1:${options.port}`
  const probe = `${base}${options.mode === "server" ? "/ready" : "/health"}`
  const deadline = Date.now() + (options.timeoutMs ?? 3 * 60_000)
  for (;;) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL")
      throw new Error(`the ${options.mode} on port ${options.port} did not become ready:\n${output.slice(-3000)}`)
    }
    const ready = await fetch(probe).then(
      async (r) => (await r.arrayBuffer(), r.status === 200),
      () => false
    )
    if (ready) {
      return { child, port: options.port, base, output: () => output }
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** One more server process of the shared e2e shop, on its database. */
export function startServerProcess(
  shop: SharedShop,
  port: number,
  env: Record<string, string> = {},
  timeoutMs = 3 * 60_000
): Promise<ServerProcess> {
  return startMedusaProcess({
    databaseUrl: embeddedUrl(shop.pgPort),
    stateDir: shop.stateDir,
    port,
    mode: "server",
    env,
    timeoutMs,
  })
}

/** SIGTERM, then its exit code once it is gone (a drain ends in 0). */
export async function stopServerProcess(server: ServerProcess): Promise<number | null> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) {
    return server.child.exitCode
  }
  const exited = new Promise<number | null>((resolve) => server.child.once("exit", (code) => resolve(code)))
  server.child.kill("SIGTERM")
  return exited
}

/** SIGKILL: the process is gone at once, mid-request, as after a crash or the kernel's OOM killer. */
export async function killServerProcess(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) {
    return
  }
  const exited = new Promise((resolve) => server.child.once("exit", resolve))
  server.child.kill("SIGKILL")
  await exited
}
