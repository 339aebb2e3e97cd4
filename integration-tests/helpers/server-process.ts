import { spawn, type ChildProcess } from "node:child_process"
import path from "node:path"
import { embeddedUrl } from "../../cli/src/db/background-server"
import { root } from "./shop-process"
import type { SharedShop } from "./shared-shop"

/** One more `medusa start` of the shared shop's production build, on its database (a server of a scaled-out shop). */
export interface ServerProcess {
  child: ChildProcess
  port: number
  base: string
  output: () => string
}

export async function startServerProcess(
  shop: SharedShop,
  port: number,
  env: Record<string, string> = {},
  timeoutMs = 3 * 60_000
): Promise<ServerProcess> {
  let output = ""
  const child = spawn(path.join(root, "node_modules/.bin/medusa"), ["start"], {
    cwd: path.join(root, ".medusa/server"),
    env: {
      ...process.env,
      DATABASE_URL: embeddedUrl(shop.pgPort),
      PORT: String(port),
      TIENDA_LOCAL: "true",
      // One shop, one secret: every process signs and verifies the same tokens.
      TIENDA_STATE_DIR: shop.stateDir,
      MEDUSA_WORKER_MODE: "server",
      MEDUSA_DISABLE_TELEMETRY: "true",
      TIENDA_METRICS_PORT: "off",
      LOG_LEVEL: "warn",
      ...env,
    },
  })
  child.stdout.on("data", (chunk) => (output += chunk))
  child.stderr.on("data", (chunk) => (output += chunk))
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL")
      throw new Error(`the server on port ${port} did not become ready:\n${output.slice(-3000)}`)
    }
    const ready = await fetch(`${base}/ready`).then(
      (r) => r.status === 200,
      () => false
    )
    if (ready) {
      return { child, port, base, output: () => output }
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** SIGTERM, then its exit code once it is gone (a drain ends in 0). */
export async function stopServerProcess(server: ServerProcess): Promise<number | null> {
  if (server.child.exitCode !== null) {
    return server.child.exitCode
  }
  const exited = new Promise<number | null>((resolve) => server.child.once("exit", (code) => resolve(code)))
  server.child.kill("SIGTERM")
  return exited
}
