import http from "node:http"
import type { AddressInfo } from "node:net"
import express from "express"
import { resetSettings } from "../../../lib/settings"
import { catalogHttpCaching } from "../catalog-http-caching"

const PRODUCTS = { products: [{ id: "prod_01AAA", variants: [{ id: "variant_01X", product_id: "prod_01AAA" }] }] }

/** catalogHttpCaching in front of routes that answer as Medusa's do (res.json), and one that sends bytes. */
function app(body: () => unknown = () => PRODUCTS) {
  const server = express()
  server.use("/store", catalogHttpCaching as never)
  server.get("/store/products", (_req, res) => res.json(body()))
  server.get("/store/products/:id", (req, res) =>
    req.params.id === "prod_missing"
      ? res.status(404).json({ type: "not_found", message: "Product not found" })
      : res.type("application/json").send(Buffer.from(JSON.stringify({ product: PRODUCTS.products[0] })))
  )
  server.get("/store/carts/:id", (_req, res) => res.json({ cart: { id: "cart_1" } }))
  return server
}

async function withServer<T>(server: express.Express, run: (base: string) => Promise<T>): Promise<T> {
  const listening = http.createServer(server).listen(0, "127.0.0.1")
  await new Promise((resolve) => listening.once("listening", resolve))
  try {
    return await run(`http://127.0.0.1:${(listening.address() as AddressInfo).port}`)
  } finally {
    listening.close()
  }
}

async function get(base: string, path: string, headers: Record<string, string> = {}, method = "GET") {
  const response = await fetch(base + path, { method, headers })
  const text = await response.text()
  return { status: response.status, headers: response.headers, text }
}

const ENV_KEYS = [
  "TIENDA_HTTP_CACHE",
  "TIENDA_HTTP_MAX_AGE",
  "TIENDA_HTTP_S_MAXAGE",
  "TIENDA_HTTP_STALE_WHILE_REVALIDATE",
  "TIENDA_CDN_PURGE_URL",
]

describe("HTTP caching of the store catalog", () => {
  const saved = Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]]))
  const setEnv = (values: Record<string, string>) => {
    for (const key of ENV_KEYS) {
      delete process.env[key]
    }
    Object.assign(process.env, values)
    resetSettings()
  }
  beforeEach(() => setEnv({}))
  afterAll(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) {
        delete process.env[key]
      } else {
        process.env[key] = value
      }
    }
    resetSettings()
  })

  it("gives an anonymous catalog answer a strong ETag, public Cache-Control, Vary and surrogate keys", async () => {
    await withServer(app(), async (base) => {
      const answer = await get(base, "/store/products?limit=1", { "x-publishable-api-key": "pk_1" })
      expect(answer.status).toBe(200)
      expect(answer.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]{27}"$/)
      expect(answer.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=0")
      expect(answer.headers.get("vary")).toBe("x-publishable-api-key, x-medusa-locale, authorization, cookie")
      expect(answer.headers.get("surrogate-key")).toBe("tienda-catalog prod_01AAA")
      expect(answer.headers.get("cache-tag")).toBe("tienda-catalog,prod_01AAA")
      expect(JSON.parse(answer.text)).toEqual(PRODUCTS)
    })
  })

  it("answers If-None-Match with the current ETag by 304 and no body; a changed answer gets a new ETag", async () => {
    let price = 10
    const server = app(() => ({ products: [{ id: "prod_01AAA", price }] }))
    await withServer(server, async (base) => {
      const first = await get(base, "/store/products")
      const etag = first.headers.get("etag")!
      const again = await get(base, "/store/products", { "if-none-match": etag })
      expect([again.status, again.text]).toEqual([304, ""])
      expect(again.headers.get("etag")).toBe(etag)
      price = 12
      const changed = await get(base, "/store/products", { "if-none-match": etag })
      expect(changed.status).toBe(200)
      expect(changed.headers.get("etag")).not.toBe(etag)
      expect(JSON.parse(changed.text).products[0].price).toBe(12)
    })
  })

  it("does the same for answers sent as bytes (the catalog cache's) and for HEAD", async () => {
    await withServer(app(), async (base) => {
      const bytes = await get(base, "/store/products/prod_01AAA")
      expect(bytes.headers.get("cache-control")).toMatch(/^public, /)
      expect(bytes.headers.get("surrogate-key")).toBe("tienda-catalog prod_01AAA")
      const head = await get(base, "/store/products/prod_01AAA", {}, "HEAD")
      expect([head.status, head.headers.get("etag")]).toEqual([200, bytes.headers.get("etag")])
      expect(head.headers.get("cache-control")).toMatch(/^public, /)
    })
  })

  it("keeps personal answers private: a customer token, a cookie, a cart, an error, another spelling", async () => {
    await withServer(app(), async (base) => {
      const privately = async (path: string, headers: Record<string, string> = {}) => {
        const answer = await get(base, path, headers)
        return [answer.headers.get("cache-control"), answer.headers.get("surrogate-key")]
      }
      const personal = ["private, no-store", null]
      expect(await privately("/store/products", { authorization: "Bearer a.b.c" })).toEqual(personal)
      expect(await privately("/store/products", { cookie: "connect.sid=s%3Aabc" })).toEqual(personal)
      expect(await privately("/store/carts/cart_1")).toEqual(personal)
      expect(await privately("/store/products/prod_missing")).toEqual(personal)
      // Express dispatches these to the product list too; they are just not cached publicly.
      expect(await privately("/store/Products")).toEqual(personal)
      expect(await privately("/store/products/")).toEqual(personal)
    })
  })

  it("reads its settings: browser and CDN ages, a day and 30 s stale for a CDN that is purged, off", async () => {
    await withServer(app(), async (base) => {
      setEnv({ TIENDA_HTTP_MAX_AGE: "60" })
      expect((await get(base, "/store/products")).headers.get("cache-control")).toBe("public, max-age=60, s-maxage=0")
      setEnv({ TIENDA_HTTP_STALE_WHILE_REVALIDATE: "15" })
      expect((await get(base, "/store/products")).headers.get("cache-control")).toBe(
        "public, max-age=0, s-maxage=0, stale-while-revalidate=15"
      )
      setEnv({ TIENDA_CDN_PURGE_URL: "http://cdn.invalid/purge" })
      expect((await get(base, "/store/products")).headers.get("cache-control")).toBe(
        "public, max-age=0, s-maxage=86400, stale-while-revalidate=30"
      )
      setEnv({
        TIENDA_CDN_PURGE_URL: "http://cdn.invalid/purge",
        TIENDA_HTTP_S_MAXAGE: "600",
        TIENDA_HTTP_STALE_WHILE_REVALIDATE: "0",
      })
      expect((await get(base, "/store/products")).headers.get("cache-control")).toBe("public, max-age=0, s-maxage=600")
      setEnv({ TIENDA_HTTP_CACHE: "off" })
      const off = await get(base, "/store/products")
      expect([off.headers.get("cache-control"), off.headers.get("surrogate-key")]).toEqual([null, null])
    })
  })
})
