import http from "node:http"
import type { AddressInfo } from "node:net"
import { randomBytes } from "node:crypto"
import { gunzipSync } from "node:zlib"
import express from "express"
import Medusa from "@medusajs/js-sdk"
import { TestEventUtils } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import * as startCommand from "@medusajs/medusa/commands/start"
import { integrationTestRunner } from "../helpers/test-runner"
import { adminHeaders, createAdmin } from "../helpers/admin"
import { cartReadyForPayment, startPayment } from "../helpers/checkout"
import { publishableKey } from "../helpers/store"
import { seedDemoStore } from "../../src/scripts/seed"
import { REQUEST_ID_ATTRIBUTE, registerTracing, type Tracing } from "../../src/lib/tracing"

jest.setTimeout(180_000)

/** A span as an OTLP/HTTP JSON export carries it, attributes flattened to plain values. */
interface ExportedSpan {
  name: string
  traceId: string
  spanId: string
  parentSpanId?: string
  attributes: Record<string, unknown>
}

/** The collector's side of OTLP over HTTP: POST /v1/traces, JSON bodies (what the exporter Tienda uses sends). */
class OtlpReceiver {
  readonly bodies: string[] = []
  readonly contentTypes = new Set<string>()
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/v1/traces") {
        res.writeHead(404).end()
        return
      }
      const body = Buffer.concat(chunks)
      this.bodies.push((req.headers["content-encoding"] === "gzip" ? gunzipSync(body) : body).toString("utf8"))
      this.contentTypes.add(String(req.headers["content-type"]))
      res.writeHead(200, { "content-type": "application/json" }).end("{}")
    })
  })

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve))
    return (this.server.address() as AddressInfo).port
  }

  close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()))
    this.server.closeAllConnections()
    return closed
  }

  spans(): ExportedSpan[] {
    return this.bodies.flatMap((body) =>
      JSON.parse(body).resourceSpans.flatMap((resource: any) =>
        resource.scopeSpans.flatMap((scope: any) =>
          scope.spans.map((span: any) => ({
            name: span.name,
            traceId: span.traceId,
            spanId: span.spanId,
            parentSpanId: span.parentSpanId || undefined,
            attributes: Object.fromEntries((span.attributes ?? []).map((a: any) => [a.key, plain(a.value)])) as Record<
              string,
              unknown
            >,
          }))
        )
      )
    )
  }
}

function plain(value: any): unknown {
  if (value?.arrayValue) {
    return (value.arrayValue.values ?? []).map(plain)
  }
  return value?.stringValue ?? value?.intValue ?? value?.boolValue ?? value?.doubleValue
}

// The app under test exports here. Tracing is registered in this file's first hook, which jest runs before the
// runner's own (they boot the app): Medusa reads its tracing hooks while it loads routes and runs workflows.
const receiver = new OtlpReceiver()
let tracing: Tracing
beforeAll(async () => {
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = `http://127.0.0.1:${await receiver.listen()}`
  process.env.OTEL_SERVICE_NAME = "tienda-tracing-spec"
  tracing = registerTracing()!
})
afterAll(async () => {
  await tracing?.shutdown()
  await receiver.close()
  delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT
  delete process.env.OTEL_SERVICE_NAME
})

// The runner serves the app with `app.listen`; `medusa start` serves it through Medusa's `traceRequestHandler`, which
// opens the outer span of each request and copies every request header onto it. The spec keeps the app the runner
// listens with and serves it the way `medusa start` does, on a port of its own.
const listen = jest.spyOn(express.application, "listen")

/**
 * Traces of a guest checkout and of a merchant's customer search, exported over OTLP/HTTP to a receiver this file
 * runs: Medusa's spans (request, route handler, workflow, steps) with the request id, and not one secret or email.
 */
integrationTestRunner({
  template: "seeded",
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let key: string
    let front: http.Server
    let baseUrl: string

    beforeAll(async () => {
      await seedDemoStore(getContainer())
      await createAdmin(getContainer())
      key = await publishableKey(getContainer())
      const app = listen.mock.contexts[0] as unknown as express.Express
      listen.mockRestore()
      front = http.createServer((req, res) => {
        void startCommand.traceRequestHandler(async () => app(req, res), req, res)
      })
      await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve))
      baseUrl = `http://127.0.0.1:${(front.address() as AddressInfo).port}`
    })

    afterAll(async () => {
      const closed = new Promise((resolve) => front?.close(resolve))
      front?.closeAllConnections()
      await closed
    })

    it("exports the checkout's request, route, workflow and step spans with its request id, and no secrets", async () => {
      const email = `tracing-guest-${randomBytes(4).toString("hex")}@example.com`
      const admin = await adminHeaders(api)
      const adminToken = admin.headers.authorization.replace("Bearer ", "")
      await tracing.forceFlush()
      receiver.bodies.length = 0

      const sdk = new Medusa({ baseUrl, publishableKey: key, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } })
      const { cart } = await cartReadyForPayment(sdk, { email })
      await startPayment(sdk, cart.id, "pp_system_default")
      // The order's subscribers run after the answer; the runner's restore after the test would cut them off.
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      const settled = Promise.all(
        ["order.placed", "reservation-item.created"].map((event) =>
          TestEventUtils.waitSubscribersExecution(event, eventBus)
        )
      )
      const completed = await fetch(`${baseUrl}/store/carts/${cart.id}/complete`, {
        method: "POST",
        headers: { "x-publishable-api-key": key, "content-type": "application/json" },
        body: "{}",
      })
      expect(completed.status).toBe(200)
      expect((await completed.json()).type).toBe("order")
      const requestId = completed.headers.get("x-request-id")
      expect(requestId).toBeTruthy()
      // A merchant looks the guest up: a real admin token in the header, the email in the URL.
      const search = await fetch(`${baseUrl}/admin/customers?${new URLSearchParams({ q: email })}`, admin)
      expect(search.status).toBe(200)
      // Refused by Medusa's publishable key check, before Tienda's first middleware sets the request context.
      const refused = await fetch(`${baseUrl}/store/products`)
      expect(refused.status).toBe(400)
      await settled

      await tracing.forceFlush()
      expect([...receiver.contentTypes]).toEqual(["application/json"])
      const spans = receiver.spans()
      const named = (name: string) => spans.filter((span) => span.name === name)

      // The route handler of the completion, and the request span around it, both carrying the answer's request id.
      const [handler] = named("route handler: /store/carts/:id/complete")
      expect(handler?.attributes[REQUEST_ID_ATTRIBUTE]).toBe(requestId)
      const outer = spans.find((span) => span.traceId === handler.traceId && !span.parentSpanId)
      expect(outer?.name).toBe(`POST /store/carts/${cart.id}/complete`)
      expect(outer?.attributes[REQUEST_ID_ATTRIBUTE]).toBe(requestId)
      expect(outer?.attributes["http.status_code"]).toBe(200)

      // A refused request is found by the id its answer carried, like any other.
      const refusedSpan = spans.find((span) => span.name === "GET /store/products")
      expect(refusedSpan?.attributes["http.status_code"]).toBe(400)
      expect(refusedSpan?.attributes[REQUEST_ID_ATTRIBUTE]).toBe(refused.headers.get("x-request-id"))

      // The workflow it ran, in the same trace, keeping Medusa's transaction id, and its steps under it.
      const workflow = named("workflow:complete-cart").find((span) => span.traceId === handler.traceId)
      expect(workflow?.attributes["workflow.transaction_id"]).toEqual(expect.any(String))
      expect(workflow?.attributes[REQUEST_ID_ATTRIBUTE]).toBe(requestId)
      const steps = spans.filter((span) => span.parentSpanId === workflow!.spanId && span.name.startsWith("step:"))
      expect(steps.length).toBeGreaterThanOrEqual(3)
      expect(steps.map((step) => step.attributes["workflow.step.action"])).toEqual(
        expect.arrayContaining([expect.stringMatching(/validate/)])
      )
      for (const step of steps) {
        expect(step.attributes[REQUEST_ID_ATTRIBUTE]).toBe(requestId)
      }

      // The headers and the URL that carried them did reach the spans, as "[redacted]" and "[email]".
      expect(outer?.attributes["x-publishable-api-key"]).toBe("[redacted]")
      const searchSpan = spans.find((span) => span.name.startsWith("GET /admin/customers"))
      expect(searchSpan?.attributes.authorization).toBe("[redacted]")
      expect(searchSpan?.attributes["http.url"]).toBe("/admin/customers?q=[email]")
      // And nowhere in anything exported: not the token, not the key, not the email in any spelling.
      const exported = receiver.bodies.join("\n")
      for (const secret of [adminToken, key, email, encodeURIComponent(email), email.split("@")[0]]) {
        expect(exported).not.toContain(secret)
      }
    })
  },
})
