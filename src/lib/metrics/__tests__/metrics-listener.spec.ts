import type http from "node:http"
import type { AddressInfo } from "node:net"
import { bearerMatches, startMetricsListener } from "../metrics-listener"
import { httpRequestsInFlight } from "../http-metrics"

describe("metrics listener", () => {
  let server: http.Server | undefined
  afterEach(() => server?.close())

  async function listen(token?: string) {
    const warnings: string[] = []
    server = await startMetricsListener({ host: "127.0.0.1", port: 0, token, warn: (m) => warnings.push(m) })
    const port = (server!.address() as AddressInfo).port
    return { base: `http://127.0.0.1:${port}`, warnings }
  }

  it("serves this process's metrics in Prometheus' text format on GET /metrics only", async () => {
    httpRequestsInFlight.set(3)
    const { base } = await listen()
    const response = await fetch(`${base}/metrics`)
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toContain("text/plain")
    expect(await response.text()).toMatch(/^tienda_http_requests_in_flight(\{[^}]*\})? 3$/m)
    expect((await fetch(`${base}/`)).status).toBe(404)
    expect((await fetch(`${base}/metrics`, { method: "POST" })).status).toBe(404)
  })

  it("asks for the bearer token when one is set", async () => {
    const { base } = await listen("a-token-of-sixteen-chars")
    expect((await fetch(`${base}/metrics`)).status).toBe(401)
    const wrong = { authorization: "Bearer a-token-of-sixteen-charX" }
    expect((await fetch(`${base}/metrics`, { headers: wrong })).status).toBe(401)
    const right = { authorization: "Bearer a-token-of-sixteen-chars" }
    expect((await fetch(`${base}/metrics`, { headers: right })).status).toBe(200)
  })

  it("warns instead of failing when the port is taken", async () => {
    const { base } = await listen()
    const port = Number(new URL(base).port)
    const warnings: string[] = []
    const second = await startMetricsListener({ host: "127.0.0.1", port, warn: (m) => warnings.push(m) })
    expect(second).toBeUndefined()
    expect(warnings.join()).toContain("EADDRINUSE")
  })

  it("compares tokens exactly", () => {
    expect(bearerMatches("Bearer abc", "abc")).toBe(true)
    expect(bearerMatches("bearer abc", "abc")).toBe(true)
    expect(bearerMatches("Bearer abcd", "abc")).toBe(false)
    expect(bearerMatches("Basic abc", "abc")).toBe(false)
    expect(bearerMatches(undefined, "abc")).toBe(false)
  })
})
