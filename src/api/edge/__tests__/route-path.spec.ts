import http from "node:http"
import net from "node:net"
import type { AddressInfo } from "node:net"
import express from "express"
import { isRead, matchRoute, parseRoutePath, routePathOf } from "../route-path"

// Routes whose rules matter at the edge, registered in a real Express app (the router Medusa uses).
const ROUTES = [
  "/store/orders/:id",
  "/store/orders/:id/transfer/request",
  "/store/carts/:id",
  "/store/carts/:id/customer",
  "/store/carts/:id/line-items/:line_id",
  "/store/payment-collections/:id/payment-sessions",
  "/auth/customer/emailpass",
]

const SPELLINGS = (route: string): string[] => {
  const concrete = route.replace(/:(\w+)/g, (_, name) => `${name}_01ABC`)
  const upper = concrete.replace(/[a-z-]+(?=\/|$)/g, (word) => word.toUpperCase())
  const encoded = concrete.replace(/o/, "%6F").replace(/_01ABC/, "%5F01ABC")
  return [
    concrete,
    `${concrete}/`,
    `${concrete}//`,
    upper,
    `${upper}/`,
    concrete.replace(/\/([a-z])/, (_, c) => `/${c.toUpperCase()}`),
    encoded,
    concrete.replace(/\//g, "//"),
    `${concrete}?x=1`,
    `${concrete}#frag`,
    `${concrete};param`,
    `http://shop.example${concrete}`,
    `HTTP://shop.example${upper}/`,
  ]
}

async function dispatched(
  port: number,
  method: string,
  target: string
): Promise<{ route?: string; params?: Record<string, string> }> {
  // A raw request line: an HTTP client would normalise the target before sending it.
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.write(`${method} ${target} HTTP/1.1\r\nHost: shop\r\nConnection: close\r\n\r\n`)
    })
    let data = ""
    socket.on("data", (chunk: Buffer) => (data += chunk.toString("latin1")))
    socket.on("end", () => resolve(data))
    socket.on("error", reject)
  })
  const body = answer.split("\r\n\r\n")[1] ?? ""
  return method === "HEAD"
    ? JSON.parse(decodeURIComponent(/x-route: (.*)/i.exec(answer)?.[1] ?? "%7B%7D"))
    : JSON.parse(body || "{}")
}

describe("routePathOf / matchRoute: a rule matches wherever Express dispatches the route", () => {
  let server: http.Server
  let port: number

  beforeAll(async () => {
    const app = express()
    for (const route of ROUTES) {
      app.all(route, (req, res) => {
        const seen = JSON.stringify({ route, params: req.params })
        res.setHeader("x-route", encodeURIComponent(seen))
        res.type("json").send(seen)
      })
    }
    app.use((_req, res) => res.status(404).json({}))
    server = app.listen(0)
    await new Promise((resolve) => server.once("listening", resolve))
    port = (server.address() as AddressInfo).port
  })

  afterAll(() => new Promise((resolve) => server.close(resolve)))

  it.each(ROUTES)("%s in every spelling Express routes", async (route) => {
    let routed = 0
    for (const spelling of SPELLINGS(route)) {
      for (const method of ["GET", "POST", "HEAD"]) {
        const seen = await dispatched(port, method, spelling)
        if (!seen.route) {
          continue
        }
        routed++
        const params = matchRoute(seen.route, parseRoutePath(spelling))
        expect({ spelling, method, params }).toEqual({ spelling, method, params: seen.params })
      }
    }
    // the table must exercise case, trailing slash, absolute form and encoded parameters, not only the plain path
    expect(routed).toBeGreaterThanOrEqual(3 * 8)
  })

  it("does not match other routes or shorter paths, and matches prefixes only when asked", () => {
    const path = parseRoutePath("/store/carts/cart_1/line-items/li_2")
    expect(matchRoute("/store/carts/:id", path)).toBeUndefined()
    expect(matchRoute("/store/carts/:id", path, { prefix: true })).toEqual({ id: "cart_1" })
    expect(matchRoute("/store/orders/:id", path, { prefix: true })).toBeUndefined()
    expect(matchRoute("/store/carts/:id/line-items/:line_id/extra", path)).toBeUndefined()
  })

  it("keeps the case of parameters, decodes them, and gives one canonical text", () => {
    const path = parseRoutePath("//Store/ORDERS/order%5F01ABC/?q=1")
    expect(path.segments).toEqual(["Store", "ORDERS", "order_01ABC"])
    expect(path.text).toBe("/store/orders/order_01abc")
    expect(parseRoutePath("/store/%E0%A4%A/x").segments[1]).toBe("%E0%A4%A")
  })

  it("parses a request once", () => {
    const req = { originalUrl: "/store/Carts/c1" }
    expect(routePathOf(req)).toBe(routePathOf(req))
  })

  it("treats HEAD as a read, like GET", () => {
    expect(isRead("HEAD")).toBe(true)
    expect(isRead("GET")).toBe(true)
    expect(isRead("POST")).toBe(false)
  })
})
