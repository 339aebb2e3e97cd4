import { registerOtel } from "@medusajs/medusa"
import { BatchSpanProcessor } from "@medusajs/framework/opentelemetry/sdk-trace-node"
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http"
import type { TracingConfig } from "./config"
import { tagOuterRequestSpans } from "./outer-span"
import { RedactingSpanExporter } from "./redacting-exporter"
import { RequestIdSpanProcessor } from "./request-id-processor"

export interface Tracing {
  /** Exports the spans that ended and still wait in the batch. */
  forceFlush(): Promise<void>
  /** Flushes, then stops exporting (spans that end afterwards are dropped). */
  shutdown(): Promise<void>
}

/** Medusa's `registerOtel` with Tienda's span pipeline: request ids, a batch, redaction, OTLP over HTTP (JSON). */
export function startTracing(config: TracingConfig): Tracing {
  // The exporter reads the endpoint, headers, timeout and compression from the standard OTEL_EXPORTER_OTLP_* variables,
  // the batch its sizes and delay from OTEL_BSP_*.
  const batch = new BatchSpanProcessor(new RedactingSpanExporter(new OTLPTraceExporter()))
  const sdk = registerOtel({
    serviceName: config.serviceName,
    instrument: { http: true, query: true, workflows: true, db: true, cache: true },
    // Replaces registerOtel's SimpleSpanProcessor, which sends one export request per span as each span ends.
    spanProcessors: [new RequestIdSpanProcessor(), batch],
    spanProcessor: undefined,
    // Traces only. Without these the SDK would also push OTLP metrics and logs to the same endpoint by default;
    // Tienda's metrics are Prometheus (src/lib/metrics) and its logs go to stdout.
    metricReaders: [],
    logRecordProcessors: [],
  })
  tagOuterRequestSpans()
  return {
    forceFlush: () => batch.forceFlush(),
    shutdown: () => sdk.shutdown(),
  }
}
