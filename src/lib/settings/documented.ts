import type { DocumentedVariable } from "./define"

const doc = (readBy: DocumentedVariable["readBy"], description: string, ...names: string[]): DocumentedVariable[] =>
  names.map((name) => ({ name, readBy, description }))

/** Variables the docs describe that the app's settings do not parse (each reader validates its own). */
export const DOCUMENTED_VARIABLES: DocumentedVariable[] = [
  ...doc("secrets", "token and cookie signing secrets (src/lib/secrets validates them)", "JWT_SECRET", "COOKIE_SECRET"),
  ...doc("medusa", "Medusa's own", "LOG_LEVEL", "MEDUSA_DISABLE_TELEMETRY"),
  ...doc(
    "medusa",
    "OpenTelemetry traces, read by the OpenTelemetry SDK through instrumentation.ts (src/lib/tracing)",
    "OTEL_EXPORTER_OTLP_ENDPOINT",
    "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
    "OTEL_SERVICE_NAME",
    "OTEL_SDK_DISABLED"
  ),
  ...doc("cli", "port of the embedded PostgreSQL `tienda start` runs", "TIENDA_PG_PORT"),
  ...doc("cli", "the admin user `tienda start` creates", "TIENDA_ADMIN_EMAIL", "TIENDA_ADMIN_PASSWORD"),
  ...doc("tests", "PostgreSQL for `npm test`", "DB_HOST", "DB_PORT", "DB_USERNAME", "DB_PASSWORD"),
  ...doc("tests", "`npm test` (tienda test): its PostgreSQL port, workers and Redis", "TIENDA_TEST_PG_PORT"),
  ...doc("tests", "spec files `npm test` runs at once", "TIENDA_TEST_WORKERS"),
  ...doc(
    "tests",
    "the Redis specs: required, and given to the booted apps",
    "TIENDA_REQUIRE_REDIS",
    "TIENDA_TEST_REDIS_MODULES"
  ),
  ...doc("tests", "browser for the admin tests", "CHROMIUM_PATH"),
  ...doc("tests", "Prometheus and nginx for the monitoring and rolling-restart tests", "PROMETHEUS_PATH", "NGINX_PATH"),
]
