import http from "node:http"
import type { AddressInfo } from "node:net"
import express from "express"
import { apiVersion } from "../api-version"
import { negotiateVersion } from "../negotiate-version"
import { API_VERSIONS, type ApiVersion, currentVersion } from "../versions"

const VERSIONS: ApiVersion[] = [
  { version: "1", released: "2026-01-10", deprecated: "2026-06-01", sunset: "2026-12-01" },
  { version: "2", released: "2026-06-01", deprecated: "2026-12-06", sunset: "2027-06-04" },
  { version: "3", released: "2026-12-06" },
]
const NOW = new Date("2026-12-10T12:00:00Z")

async function call(headers: Record<string, string> = {}) {
  const app = express()
  app.get("/admin/thing", apiVersion(VERSIONS, () => NOW) as never, (req, res) => {
    res.json({ served: (req as { tiendaVersion?: string }).tiendaVersion })
  })
  const server = http.createServer(app).listen(0, "127.0.0.1")
  await new Promise((resolve) => server.once("listening", resolve))
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/admin/thing`, { headers })
    return { status: response.status, headers: response.headers, body: await response.json() }
  } finally {
    server.closeAllConnections()
    server.close()
  }
}

describe("Tienda-Version", () => {
  it("answers with the current version when the client names none, and says so", async () => {
    const answer = await call()
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({ served: "3" })
    expect(answer.headers.get("tienda-version")).toBe("3")
    expect(answer.headers.get("vary")).toMatch(/Tienda-Version/i)
    expect(answer.headers.get("access-control-expose-headers")).toBe("Tienda-Version, Deprecation, Sunset, Link")
    expect(answer.headers.get("deprecation")).toBeNull()
    expect(answer.headers.get("sunset")).toBeNull()
  })

  it("serves a deprecated version with Deprecation, Sunset and a link to the policy", async () => {
    const answer = await call({ "Tienda-Version": "2" })
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({ served: "2" })
    expect(answer.headers.get("tienda-version")).toBe("2")
    // RFC 9745: the moment it was deprecated as a structured-field date; RFC 8594: an HTTP-date.
    expect(answer.headers.get("deprecation")).toBe(`@${Date.parse("2026-12-06T00:00:00Z") / 1000}`)
    expect(answer.headers.get("sunset")).toBe("Fri, 04 Jun 2027 00:00:00 GMT")
    expect(answer.headers.get("link")).toMatch(/<\/docs#versioning>; rel="deprecation"/)
  })

  it("answers 410 for a version past its sunset, naming the current one, and 400 for one that never was", async () => {
    const retired = await call({ "Tienda-Version": "1" })
    expect(retired.status).toBe(410)
    expect(retired.body.message).toMatch(/retired on 2026-12-01; use 3/)
    const unknown = await call({ "Tienda-Version": "v9" })
    expect(unknown.status).toBe(400)
    expect(unknown.body).toEqual({
      type: "invalid_data",
      message: 'Tienda-Version "v9" is not a version of this API; use one of 2, 3',
    })
  })

  it("treats a blank header as no header and trims a padded one", () => {
    expect(negotiateVersion(VERSIONS, "  ", NOW)).toMatchObject({ kind: "serve", version: { version: "3" } })
    expect(negotiateVersion(VERSIONS, " 2 ", NOW)).toMatchObject({ kind: "serve", deprecated: true })
    expect(negotiateVersion(VERSIONS, "1", new Date("2026-11-30T23:59:59Z"))).toMatchObject({ kind: "serve" })
  })

  it("keeps the shipped list consistent: one current version, every deprecated one with a sunset after the period", () => {
    expect(currentVersion(API_VERSIONS).deprecated).toBeUndefined()
    for (const version of API_VERSIONS.filter((v) => v.deprecated)) {
      expect(version.sunset).toBeDefined()
      const days = (Date.parse(version.sunset!) - Date.parse(version.deprecated!)) / 86_400_000
      expect(days).toBeGreaterThanOrEqual(180)
    }
    expect(new Set(API_VERSIONS.map((v) => v.version)).size).toBe(API_VERSIONS.length)
  })
})
