import http from "node:http"
import type { AddressInfo } from "node:net"
import { instrumentHttpLayer } from "@medusajs/medusa"
import * as startCommand from "@medusajs/medusa/commands/start"
import { ApiLoader, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"
import {
  InMemorySpanExporter,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type ReadableSpan,
} from "@medusajs/framework/opentelemetry/sdk-trace-node"
import { runInRequestContext } from "../../request-context"
import { tagOuterRequestSpans } from "../outer-span"
import { RedactingSpanExporter } from "../redacting-exporter"
import { REQUEST_ID_ATTRIBUTE, RequestIdSpanProcessor } from "../request-id-processor"

/**
 * Medusa's own HTTP instrumentation (the hooks `registerOtel` installs: the outer span `medusa start` opens per
 * request, the route handler span) on real HTTP requests, through Tienda's span pipeline.
 */
describe("Medusa's HTTP spans through Tienda's pipeline", () => {
  const exported = new InMemorySpanExporter()
  const unredacted = new InMemorySpanExporter()
  const provider = new NodeTracerProvider({
    spanProcessors: [
      new RequestIdSpanProcessor(),
      new SimpleSpanProcessor(new RedactingSpanExporter(exported)),
      new SimpleSpanProcessor(unredacted),
    ],
  })
  let server: http.Server
  let port: number
  let requests = 0

  const SECRETS = {
    authorization: "Bearer customer-jwt-value-123",
    cookie: "connect.sid=s%3Asession-cookie-value",
    "x-publishable-api-key": "pk_unit_publishable_value",
    "stripe-signature": "t=1,v1=stripe-signature-value",
  }

  beforeAll(async () => {
    provider.register()
    instrumentHttpLayer()
    tagOuterRequestSpans()
    const route = ApiLoader.traceRoute!(
      async (_req: MedusaRequest, res: MedusaResponse) => {
        res.status(200).json({ ok: true })
      },
      { route: "/store/carts/:id/complete", method: "POST" }
    )
    // What the app does: Medusa names the request first (`req.requestId`); after the body is read, its publishable
    // key check may refuse it, or Tienda's first middleware runs the rest in the request context
    // (src/api/observability). Either way the answer carries Tienda's id (which replaces a caller's unsafe one).
    const app = (req: http.IncomingMessage, res: http.ServerResponse) => {
      const requestId = `req-unit-${++requests}`
      Object.assign(req, { originalUrl: req.url, requestId: "medusa-first-id" })
      Object.assign(res, { status: () => res, json: (body: unknown) => res.end(JSON.stringify(body)) })
      setTimeout(() => {
        Object.assign(req, { requestId })
        res.setHeader("X-Request-Id", requestId)
        if (!req.headers["x-publishable-api-key"]) {
          res.writeHead(400).end()
          return
        }
        runInRequestContext(
          { requestId, method: req.method!, path: "/store/carts/cart_1/complete" },
          () => void route(req as unknown as MedusaRequest, res as unknown as MedusaResponse)
        )
      }, 5)
    }
    server = http.createServer((req, res) => {
      void startCommand.traceRequestHandler(async () => app(req, res), req, res, "/store/carts/:id/complete")
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    port = (server.address() as AddressInfo).port
  })

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
    await provider.shutdown()
  })

  async function post(path: string, headers: Record<string, string>, spans: number): Promise<ReadableSpan[]> {
    exported.reset()
    unredacted.reset()
    await new Promise<void>((resolve, reject) => {
      const request = http.request({ port, path, method: "POST", host: "127.0.0.1", headers }, (res) => {
        res.resume()
        res.on("end", resolve)
      })
      request.on("error", reject)
      request.end()
    })
    // The outer span ends once the response is flushed, a moment after the client has it.
    for (let i = 0; i < 100 && exported.getFinishedSpans().length < spans; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    return exported.getFinishedSpans()
  }

  it("exports the outer and route handler spans with the request id and without secrets or emails", async () => {
    const spans = await post("/store/carts/cart_1/complete?email=ana.garcia%40example.com", SECRETS, 2)
    const outer = spans.find((span) => span.name === "/store/carts/:id/complete")
    const handler = spans.find((span) => span.name.startsWith("route handler:"))
    expect(outer).toBeDefined()
    expect(handler?.parentSpanContext?.spanId).toBe(outer!.spanContext().spanId)

    expect(outer!.attributes[REQUEST_ID_ATTRIBUTE]).toBe("req-unit-1")
    expect(handler!.attributes[REQUEST_ID_ATTRIBUTE]).toBe("req-unit-1")
    expect(outer!.attributes["http.route"]).toBe("/store/carts/:id/complete")
    expect(outer!.attributes["http.status_code"]).toBe(200)
    expect(outer!.attributes.authorization).toBe("[redacted]")
    expect(outer!.attributes["x-publishable-api-key"]).toBe("[redacted]")
    expect(outer!.attributes["http.url"]).toBe("/store/carts/cart_1/complete?email=[redacted]")
    expect(handler!.name).toBe("route handler: POST /store/carts/cart_1/complete?email=[redacted]")

    const text = JSON.stringify(spans.map(({ name, attributes }: ReadableSpan) => ({ name, attributes })))
    for (const value of [...Object.values(SECRETS), "ana.garcia", "session-cookie-value"]) {
      expect(text).not.toContain(value)
    }
    // The redaction is what keeps them out: Medusa's span itself carries every request header.
    const raw = unredacted.getFinishedSpans().find((span) => span.name === "/store/carts/:id/complete")
    expect(raw?.attributes.authorization).toBe(SECRETS.authorization)
  })

  it("names a request refused before Tienda's first middleware by the id its answer carried", async () => {
    const [outer] = await post("/store/carts/cart_1/complete", { authorization: SECRETS.authorization }, 1)
    expect(outer.attributes["http.status_code"]).toBe(400)
    expect(outer.attributes[REQUEST_ID_ATTRIBUTE]).toBe(`req-unit-${requests}`)
  })
})
