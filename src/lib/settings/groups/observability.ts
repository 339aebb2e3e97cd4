import { optional, setting } from "../define"
import { positiveInteger } from "../types/numbers"
import { onOff, oneOf } from "../types/switches"
import { secret, text } from "../types/text"
import { settingType } from "../setting-type"

/** `off`, or a port: where a process serves its own metrics. */
const portOrOff = settingType<number | "off">("a port number from 1 to 65535, or off", (value) => {
  if (value.toLowerCase() === "off") {
    return "off"
  }
  const port = /^\d+$/.test(value) ? Number(value) : NaN
  return Number.isInteger(port) && port >= 1 && port <= 65_535 ? port : undefined
})

/** What operators see: metrics, log lines, readiness and the drain of a stopping process. */
export const observabilitySettings = {
  metrics: setting("TIENDA_METRICS", onOff, true, "collect Prometheus metrics (off: no counters, no /metrics)"),
  metricsPort: setting(
    "TIENDA_METRICS_PORT",
    portOrOff,
    9464,
    "port of this process's /metrics (plus TIENDA_PROCESS_NUMBER, or a --cluster fork's number); off: no listener"
  ),
  metricsHost: setting("TIENDA_METRICS_HOST", text, "127.0.0.1", "address the metrics listener binds (loopback)"),
  metricsToken: optional(
    "TIENDA_METRICS_TOKEN",
    secret(16),
    "bearer token: /metrics also on the app port, and required on the metrics port"
  ),
  processName: optional("TIENDA_PROCESS_NAME", text, "the `process` label of this process's metrics and logs"),
  processNumber: optional(
    "TIENDA_PROCESS_NUMBER",
    positiveInteger(),
    "this process's place among several on one machine (`tienda start --processes` sets it): added to the metrics port"
  ),
  logFormat: optional(
    "LOG_FORMAT",
    oneOf(["json", "text"] as const),
    "log lines: json (one object per line; default with the production rules) or text"
  ),
  drainTimeoutSeconds: setting(
    "TIENDA_DRAIN_TIMEOUT_SECONDS",
    positiveInteger("seconds"),
    25,
    "on SIGTERM, how long requests in flight may take before the process exits anyway"
  ),
}
