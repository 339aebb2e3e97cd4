import { registerTracing } from "./src/lib/tracing"

/**
 * Called by `medusa start` before it loads the app (Medusa imports `instrumentation.js` from the folder it starts in;
 * `medusa build` compiles this file there). Traces go to an OTLP endpoint when `OTEL_EXPORTER_OTLP_ENDPOINT` is set,
 * otherwise this does nothing: see src/lib/tracing/README.md.
 */
export function register(): void {
  registerTracing()
}
