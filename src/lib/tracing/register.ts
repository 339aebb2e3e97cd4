import { tracingConfig } from "./config"
import type { Tracing } from "./start-tracing"

export type { Tracing } from "./start-tracing"

let registered: Tracing | undefined

/**
 * Starts OpenTelemetry tracing when an OTLP endpoint is configured (config.ts); otherwise returns undefined having
 * loaded and patched nothing. Must run before the app loads (`medusa start` calls the root `instrumentation.ts`
 * first): Medusa reads its tracing hooks when it sets up routes and runs workflows. Once per process.
 */
export function registerTracing(): Tracing | undefined {
  const config = tracingConfig()
  if (!config) {
    return undefined
  }
  if (!registered) {
    // Loaded only when tracing is on: the SDK and the exporter cost ~150 ms and a few MB of every boot otherwise.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startTracing } = require("./start-tracing") as typeof import("./start-tracing")
    registered = startTracing(config)
  }
  return registered
}
