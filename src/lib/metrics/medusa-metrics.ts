import { Counter, Gauge, Histogram } from "prom-client"
import { metricsRegistry } from "./registry"

const registers = [metricsRegistry]

export const workflowRuns = new Counter({
  name: "tienda_workflow_runs_total",
  help: "Medusa workflow runs by workflow name and outcome (succeeded, failed: a step threw or was compensated)",
  labelNames: ["workflow", "outcome"] as const,
  registers,
})

export const workflowDuration = new Histogram({
  name: "tienda_workflow_duration_seconds",
  help: "Duration of Medusa workflow runs (their synchronous part)",
  labelNames: ["workflow"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers,
})

export const workflowStepFailures = new Counter({
  name: "tienda_workflow_step_failures_total",
  help: "Workflow steps that threw, by step name",
  labelNames: ["step"] as const,
  registers,
})

export const scheduledJobRuns = new Counter({
  name: "tienda_scheduled_job_runs_total",
  help: "Scheduled job runs by job name and outcome",
  labelNames: ["scheduled_job", "outcome"] as const,
  registers,
})

export const eventsEmitted = new Counter({
  name: "tienda_events_emitted_total",
  help: "Events this process emitted on Medusa's event bus, by event name",
  labelNames: ["event"] as const,
  registers,
})

export const subscriberRuns = new Counter({
  name: "tienda_subscriber_runs_total",
  help: "Subscriber runs by event, subscriber and outcome (succeeded, failed)",
  labelNames: ["event", "subscriber", "outcome"] as const,
  registers,
})

export const subscriberDuration = new Histogram({
  name: "tienda_subscriber_duration_seconds",
  help: "Duration of subscriber runs",
  labelNames: ["event", "subscriber"] as const,
  buckets: [0.005, 0.025, 0.1, 0.5, 1, 5, 30],
  registers,
})

export const databasePoolConnections = new Gauge({
  name: "tienda_db_pool_connections",
  help: "Connections of the PostgreSQL pool Medusa shares, by state (in_use, idle)",
  labelNames: ["state"] as const,
  registers,
})

export const databasePoolPendingAcquires = new Gauge({
  name: "tienda_db_pool_pending_acquires",
  help: "Queries waiting for a PostgreSQL connection",
  registers,
})

export const databasePoolMax = new Gauge({
  name: "tienda_db_pool_max_connections",
  help: "Size limit of the PostgreSQL pool",
  registers,
})
