import type { ReadableSpan, Span, SpanProcessor } from "@medusajs/framework/opentelemetry/sdk-trace-node"
import { currentRequestContext } from "../request-context"

export const REQUEST_ID_ATTRIBUTE = "tienda.request_id"

/**
 * Puts the request id (the one answered in `X-Request-Id`, from src/lib/request-context) on every span started while
 * a request is served after Tienda's first middleware: middlewares and the route handler, workflows and their steps,
 * queries, database calls. The outer span of the request starts before that context exists: outer-span.ts names it.
 */
export class RequestIdSpanProcessor implements SpanProcessor {
  onStart(span: Span): void {
    const context = currentRequestContext()
    if (context) {
      span.setAttribute(REQUEST_ID_ATTRIBUTE, context.requestId)
    }
  }

  onEnd(_span: ReadableSpan): void {}

  forceFlush(): Promise<void> {
    return Promise.resolve()
  }

  shutdown(): Promise<void> {
    return Promise.resolve()
  }
}
