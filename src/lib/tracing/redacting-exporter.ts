import type { ReadableSpan, SpanExporter } from "@medusajs/framework/opentelemetry/sdk-trace-node"
import { redactAttributes, redactText } from "./redact"

type ResultCallback = Parameters<SpanExporter["export"]>[1]

/** The span as it may leave the process: same ids, times and structure, cleaned names, messages and attributes. */
export function redactSpan(span: ReadableSpan): ReadableSpan {
  return {
    name: redactText(span.name),
    kind: span.kind,
    spanContext: () => span.spanContext(),
    parentSpanContext: span.parentSpanContext,
    startTime: span.startTime,
    endTime: span.endTime,
    status:
      span.status.message === undefined ? span.status : { ...span.status, message: redactText(span.status.message) },
    attributes: redactAttributes(span.attributes),
    links: span.links.map((link) => ({ ...link, attributes: link.attributes && redactAttributes(link.attributes) })),
    events: span.events.map((event) => ({
      ...event,
      name: redactText(event.name),
      attributes: event.attributes && redactAttributes(event.attributes),
    })),
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  }
}

/**
 * The last step before the wire: every span is exported through `redactSpan`, whichever instrumentation made it.
 * Medusa's HTTP span copies every request header into its attributes (`...req.headers`), so without this the
 * tracing backend would receive customers' tokens, cookies and the storefront's publishable key.
 */
export class RedactingSpanExporter implements SpanExporter {
  constructor(private readonly inner: SpanExporter) {}

  export(spans: ReadableSpan[], resultCallback: ResultCallback): void {
    this.inner.export(spans.map(redactSpan), resultCallback)
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown()
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve()
  }
}
