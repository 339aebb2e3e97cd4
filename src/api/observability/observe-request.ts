import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { Application } from "express"
import {
  httpRequestDuration,
  httpRequestSize,
  httpRequestsInFlight,
  httpResponseSize,
  metricsEnabled,
  routeTemplatesOf,
  type RouteTemplates,
} from "../../lib/metrics"
import { isDraining } from "../../lib/lifecycle/drain"
import { runInRequestContext } from "../../lib/request-context"
import { requestIdOf } from "../security/request-id"

const templatesByApp = new WeakMap<object, RouteTemplates>()

/**
 * Tienda's first middleware of every request: it runs the rest of the request inside its context (request id,
 * method, path: what log lines and spans carry), counts it in flight, and when the answer is written (or the client
 * gave up) records its duration and sizes under its route template. While the process drains, answers close their
 * connection. Medusa's own middlewares (CORS, body parsing, authentication, the publishable key) run before it: a
 * request one of them refuses is not timed here, and only Medusa's access line logs it.
 */
export function observeRequest(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
  const requestId = requestIdOf(req)
  if (isDraining()) {
    res.setHeader("Connection", "close")
  }
  const url = req.originalUrl || req.url || "/"
  const query = url.indexOf("?")
  const path = query < 0 ? url : url.slice(0, query)
  if (metricsEnabled()) {
    measure(req, res, path)
  }
  runInRequestContext({ requestId, method: req.method, path }, next)
}

function measure(req: MedusaRequest, res: MedusaResponse, path: string): void {
  const started = process.hrtime.bigint()
  const socket = req.socket
  const writtenBefore = socket?.bytesWritten ?? 0
  httpRequestsInFlight.inc()
  let done = false
  const finish = (aborted: boolean) => {
    if (done) {
      return
    }
    done = true
    httpRequestsInFlight.dec()
    const route = templatesOf(req.app).templateOf(req.method, path)
    const labels = { method: req.method, route }
    const statusClass = aborted && !res.headersSent ? "aborted" : `${Math.floor(res.statusCode / 100)}xx`
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    httpRequestDuration.observe({ ...labels, status_class: statusClass }, seconds)
    const announced = Number(req.headers["content-length"])
    if (Number.isFinite(announced) && announced > 0) {
      httpRequestSize.observe(labels, announced)
    }
    // Bytes this answer put on the connection, headers included (its Content-Length is gone once compressed).
    httpResponseSize.observe({ ...labels, status_class: statusClass }, (socket?.bytesWritten ?? 0) - writtenBefore)
  }
  res.once("finish", () => finish(false))
  res.once("close", () => finish(!res.writableFinished))
}

function templatesOf(app: Application): RouteTemplates {
  let templates = templatesByApp.get(app)
  if (!templates) {
    templates = routeTemplatesOf(app)
    templatesByApp.set(app, templates)
  }
  return templates
}
