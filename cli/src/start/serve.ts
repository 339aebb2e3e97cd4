import { spawn, type ChildProcess } from "node:child_process"
import type { ProjectPaths } from "../shared/project"
import { reachableHost } from "../shared/env"

/** Starts `medusa start` inside `.medusa/server` (where it finds the admin bundle), output inherited. */
export function startServer(paths: ProjectPaths, env: NodeJS.ProcessEnv, extraArgs: string[] = []): ChildProcess {
  return spawn(paths.medusaBin, ["start", ...extraArgs], { cwd: paths.server, env, stdio: "inherit" })
}

/** Polls /health until it answers 200; rejects when the server exits first or `timeoutMs` passes. */
export async function waitForHealth(port: number, server: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`The server exited with code ${server.exitCode} before it was ready`)
    }
    try {
      const response = await fetch(`http://${reachableHost()}:${port}/health`)
      if (response.ok) {
        return
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`The server did not answer /health within ${timeoutMs / 1000} s`)
}
