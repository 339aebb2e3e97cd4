import { findProjectRoot, projectPaths } from "../shared/project"
import { loadProjectEnv } from "../shared/env"
import { info, step } from "../shared/log"
import { isAlive, runningBackgroundServer } from "./background-server"
import { embeddedServerRunning } from "./shop-database"

/** `tienda db stop`: stops the server `tienda db start` runs (a fast, clean shutdown). */
export async function stopDatabase(): Promise<number> {
  const root = findProjectRoot()
  loadProjectEnv(root)
  const paths = projectPaths(root)
  const server = runningBackgroundServer(paths)
  if (!server) {
    if (embeddedServerRunning(paths)) {
      throw new Error("The embedded PostgreSQL belongs to a running `tienda start`: stop that one (Ctrl-C)")
    }
    info("The embedded PostgreSQL is not running")
    return 0
  }
  const done = step(`Stopping the embedded PostgreSQL (pid ${server.pid})`)
  process.kill(server.pid, "SIGTERM")
  for (let waited = 0; isAlive(server.pid); waited += 100) {
    if (waited > 30_000) {
      throw new Error(`The embedded PostgreSQL (pid ${server.pid}) did not stop within 30 s`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  done("stopped")
  return 0
}
