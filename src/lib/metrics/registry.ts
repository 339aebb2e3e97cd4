import { collectDefaultMetrics, Registry } from "prom-client"
import { settings } from "../settings"
import { processNumber } from "./process-number"

/**
 * The one registry of this process: every Tienda metric and Node's runtime defaults (event-loop lag, heap, GC, CPU).
 * Each series carries `process` and `mode`, so the processes of one deployment stay apart in Prometheus.
 */
export const metricsRegistry = new Registry()

let defaultsCollected = false

/** Labels every series of this process carries; called once the settings can be read. */
export function labelProcess(): void {
  const { server, observability } = settings()
  const number = processNumber()
  const fork = number === undefined ? "" : `-${number}`
  metricsRegistry.setDefaultLabels({
    process: observability.processName ?? `${server.workerMode}${fork}`,
    mode: server.workerMode,
  })
  if (!defaultsCollected) {
    defaultsCollected = true
    collectDefaultMetrics({ register: metricsRegistry, eventLoopMonitoringPrecision: 20 })
  }
}

/** Whether metrics are collected at all (TIENDA_METRICS). */
export function metricsEnabled(): boolean {
  return settings().observability.metrics
}
