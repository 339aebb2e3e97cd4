import { Counter, Gauge, Histogram } from "prom-client"
import { metricsRegistry } from "./registry"

const registers = [metricsRegistry]

// Seconds: 5 ms (a cache hit) to 10 s (a slow checkout); Prometheus' default buckets stop short of the fast end.
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
const SIZE_BUCKETS = [256, 1024, 4096, 16_384, 65_536, 262_144, 1_048_576, 4_194_304]

export const httpRequestDuration = new Histogram({
  name: "tienda_http_request_duration_seconds",
  help: "Time from the request's arrival to the last byte of its answer, by route template",
  labelNames: ["method", "route", "status_class"] as const,
  buckets: DURATION_BUCKETS,
  registers,
})

export const httpRequestsInFlight = new Gauge({
  name: "tienda_http_requests_in_flight",
  help: "Requests being served now",
  registers,
})

export const httpRequestSize = new Histogram({
  name: "tienda_http_request_size_bytes",
  help: "Request bodies as announced by Content-Length",
  labelNames: ["method", "route"] as const,
  buckets: SIZE_BUCKETS,
  registers,
})

export const httpResponseSize = new Histogram({
  name: "tienda_http_response_size_bytes",
  help: "Bytes of answer bodies written (after compression)",
  labelNames: ["method", "route", "status_class"] as const,
  buckets: SIZE_BUCKETS,
  registers,
})

export const rateLimitRefusals = new Counter({
  name: "tienda_rate_limit_refusals_total",
  help: "Requests refused with 429, by the rate-limit rule that refused them",
  labelNames: ["rule"] as const,
  registers,
})
