import type { Logger } from "@medusajs/framework/types"
import { startDraining } from "./drain"

let installed = false

/**
 * SIGTERM starts the drain: readiness turns 503 at once and answers close their connections, while `medusa start`'s
 * own handler (registered after this one) stops accepting connections and waits for the requests in flight. Medusa
 * waits for ever; this bounds it: after `timeoutSeconds` the process exits anyway (status 1, logged), so an
 * orchestrator's stop never hangs on a stuck request. A process with no other SIGTERM handler (a script, a test
 * worker) exits at once, as it would have without this one.
 */
export function drainOnSigterm(options: { timeoutSeconds: number; logger: Logger }): void {
  if (installed) {
    return
  }
  installed = true
  process.on("SIGTERM", () => {
    startDraining()
    if (process.listenerCount("SIGTERM") === 1) {
      process.exit(143)
    }
    options.logger.info(`SIGTERM: draining (readiness 503), requests in flight get ${options.timeoutSeconds} s`)
    setTimeout(() => {
      options.logger.error(`drain timeout: requests still in flight after ${options.timeoutSeconds} s; exiting`)
      process.exit(1)
    }, options.timeoutSeconds * 1000).unref()
  })
}
