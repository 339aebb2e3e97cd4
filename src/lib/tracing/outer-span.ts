import type { IncomingMessage, ServerResponse } from "node:http"
import * as startCommand from "@medusajs/medusa/commands/start"
import { trace } from "@medusajs/framework/opentelemetry/api"
import { REQUEST_ID_ATTRIBUTE } from "./request-id-processor"

type TraceRequestHandler = (
  requestHandler: () => Promise<void>,
  req: IncomingMessage,
  res: ServerResponse,
  handlerPath?: string
) => Promise<void>

// `medusa start` calls the handler through this live export (registerOtel sets it); wrapping it is the same hook.
const hooks = startCommand as { traceRequestHandler?: TraceRequestHandler }
let wrapped = false

/**
 * Medusa opens the outer span of each request (`traceRequestHandler`, `medusa start` only) before any middleware
 * runs, so Tienda's request context does not exist when it starts, and Medusa's own middlewares (CORS, body parsers,
 * authentication, the publishable key check) run before Tienda's first one. This waits for the answer to be written
 * and gives the span the id it carried in `X-Request-Id` (Medusa's `req.requestId` when none was set): requests
 * refused early (401, a missing publishable key, malformed JSON) are the ones most worth finding by that id.
 * Call after registerOtel.
 */
export function tagOuterRequestSpans(): void {
  const medusaHandler = hooks.traceRequestHandler
  if (!medusaHandler || wrapped) {
    return
  }
  wrapped = true
  hooks.traceRequestHandler = (requestHandler, req, res, handlerPath) =>
    medusaHandler(
      async () => {
        const span = trace.getActiveSpan()
        await requestHandler()
        await answered(res)
        const requestId = requestIdOf(req, res)
        if (span && requestId) {
          span.setAttribute(REQUEST_ID_ATTRIBUTE, requestId)
        }
      },
      req,
      res,
      handlerPath
    )
}

function answered(res: ServerResponse): Promise<void> {
  if (res.writableFinished || res.destroyed) {
    return Promise.resolve()
  }
  return new Promise((resolve) => {
    res.once("finish", () => resolve())
    res.once("close", () => resolve())
  })
}

function requestIdOf(req: IncomingMessage, res: ServerResponse): string | undefined {
  const header = res.getHeader("x-request-id")
  if (typeof header === "string" && header) {
    return header
  }
  const own = (req as IncomingMessage & { requestId?: unknown }).requestId
  return typeof own === "string" && own ? own : undefined
}
