import { spawn, spawnSync, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { freePorts } from "../helpers/free-port"
import { sharedShop, type SharedShop } from "../helpers/shared-shop"
import { killServerProcess, startServerProcess, stopServerProcess, type ServerProcess } from "../helpers/server-process"
// eslint-disable-next-line @typescript-eslint/no-require-imports -- shared with the bench, which runs plain Node
const { varnishdArgs } = require("../../ops/varnish/varnishd")

const VARNISHD = process.env.VARNISHD_PATH || "/usr/sbin/varnishd"
const HANDLE = "ceramic-bud-vase"

jest.setTimeout(5 * 60_000)

/**
 * A CDN in front of the shop: Debian's Varnish with ops/varnish/tienda.vcl, before one more server process of the
 * shared e2e shop that purges it (TIENDA_CDN_PURGE_URL). The anonymous catalog is served by Varnish without reaching
 * Tienda until a change purges it; a customer's answers always reach Tienda.
 */
describe("the catalog behind a caching proxy (Varnish) that Tienda purges", () => {
  let shop: SharedShop
  let server: ServerProcess | undefined
  let varnish: ChildProcess | undefined
  let varnishOutput = ""
  let cdn: string
  let serverEnv: Record<string, string>
  let restartPort: number
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tienda-varnish-"))

  beforeAll(async () => {
    if (!fs.existsSync(VARNISHD) || spawnSync(VARNISHD, ["-V"]).status !== 0) {
      throw new Error(
        `varnishd is needed at ${VARNISHD}: apt-get install varnish varnish-modules (or set VARNISHD_PATH)`
      )
    }
    shop = await sharedShop()
    const [serverPort, varnishPort] = await freePorts(2)
    cdn = `http://127.0.0.1:${varnishPort}`
    varnish = spawn(VARNISHD, varnishdArgs({ dir, port: varnishPort, backendPort: serverPort, storageMb: 32 }))
    varnish.stdout!.on("data", (chunk) => (varnishOutput += chunk))
    varnish.stderr!.on("data", (chunk) => (varnishOutput += chunk))
    serverEnv = { TIENDA_CDN_PURGE_URL: `${cdn}/tienda-purge`, TIENDA_RATE_LIMIT: "off" }
    restartPort = serverPort
    server = await startServerProcess(shop, serverPort, serverEnv)
    const deadline = Date.now() + 30_000
    while (
      (await fetch(`${cdn}/health`).then(
        (r) => (r.arrayBuffer(), r.status),
        () => 0
      )) !== 200
    ) {
      if (varnish.exitCode !== null || Date.now() > deadline) {
        throw new Error(`Varnish did not start:\n${varnishOutput}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  })

  afterAll(async () => {
    if (server) {
      await stopServerProcess(server)
    }
    if (varnish && varnish.exitCode === null) {
      varnish.kill("SIGTERM")
      await new Promise((resolve) => varnish!.once("exit", resolve))
    }
    fs.rmSync(dir, { recursive: true, force: true })
  })

  async function through(url: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${cdn}${url}`, {
      headers: { "x-publishable-api-key": shop.publishableKey, ...headers },
    })
    const body = await response.json()
    return {
      status: response.status,
      body,
      cache: response.headers.get("x-cache"),
      requestId: response.headers.get("x-request-id"),
      cacheControl: response.headers.get("cache-control"),
    }
  }

  it("serves the second anonymous request from the proxy, and the new price after an admin change purges it", async () => {
    const admin = { ...(await shop.adminHeaders()), "content-type": "application/json" }
    const api = (method: string, url: string, body?: unknown) =>
      fetch(`${server!.base}${url}`, {
        method,
        headers: admin,
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, body: await r.json() }))
    const { body: regions } = await api("GET", "/admin/regions?limit=50")
    const euro = regions.regions.find((region: any) => region.currency_code === "eur")
    // A product no other spec of the shared shop reads; its price is put back at the end. (Creating one would change
    // the catalog other specs count.)
    const { body: found } = await api("GET", `/admin/products?handle=${HANDLE}&fields=id,*variants,*variants.prices`)
    const product = found.products[0]
    const variant = product.variants[0]
    const eur = variant.prices.find((price: any) => price.currency_code === "eur")
    const setEuroPrice = (amount: number) =>
      api("POST", `/admin/products/${product.id}/variants/${variant.id}`, {
        prices: variant.prices.map((price: any) => ({
          id: price.id,
          currency_code: price.currency_code,
          amount: price.id === eur.id ? amount : price.amount,
        })),
      })
    const list = `/store/products?id=${product.id}&region_id=${euro.id}&fields=id,*variants.calculated_price`
    const priceOf = (answer: { body: any }) =>
      answer.body.products[0]?.variants.find((shown: any) => shown.id === variant.id).calculated_price.calculated_amount

    try {
      const first = await through(list)
      expect([first.status, first.cache, priceOf(first)]).toEqual([200, "MISS", eur.amount])
      expect(first.cacheControl).toBe("public, max-age=0, s-maxage=86400, stale-while-revalidate=30")
      const second = await through(list)
      // The same X-Request-Id: the stored answer, not one Tienda made again.
      expect([second.cache, second.requestId, priceOf(second)]).toEqual(["HIT", first.requestId, eur.amount])

      expect((await setEuroPrice(eur.amount + 5)).status).toBe(200)
      // The purge leaves in the background, within a few milliseconds of the admin's answer.
      let after = await through(list)
      for (let tries = 0; after.cache === "HIT" && tries < 50; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        after = await through(list)
      }
      expect([after.cache, priceOf(after)]).toEqual(["MISS", eur.amount + 5])
      expect((await through(list)).cache).toBe("HIT")
    } finally {
      expect((await setEuroPrice(eur.amount)).status).toBe(200)
    }
  })

  it("keeps product images, whatever cookie the browser sends", async () => {
    const { products } = await fetch(`${server!.base}/store/products?handle=${HANDLE}&fields=thumbnail`, {
      headers: { "x-publishable-api-key": shop.publishableKey },
    }).then((r) => r.json())
    const image = `/static/${new URL(products[0].thumbnail).pathname.split("/").pop()}`
    const fetchImage = async (headers: Record<string, string> = {}) => {
      const response = await fetch(`${cdn}${image}`, { headers })
      const bytes = Buffer.from(await response.arrayBuffer())
      return {
        status: response.status,
        cache: response.headers.get("x-cache"),
        type: response.headers.get("content-type"),
        bytes,
      }
    }
    const first = await fetchImage({ cookie: "connect.sid=a-shopper" })
    const second = await fetchImage({ cookie: "connect.sid=another-shopper" })
    expect([first.status, first.type, second.status, second.cache]).toEqual([200, "image/png", 200, "HIT"])
    expect(second.bytes.equals(first.bytes)).toBe(true)
    // A miss is not kept: the file may be uploaded under that name later.
    const missing = () => fetch(`${cdn}/static/missing-0123456789abcdef.png`)
    const miss = await missing()
    expect([miss.status, miss.headers.get("cache-control")]).toEqual([404, "no-store"])
    expect((await missing()).headers.get("x-cache")).toBe("MISS")
  })

  it("purges the catalog when a server starts: what a killed process owed, or a new release answers differently", async () => {
    const list = "/store/products?limit=3&fields=id,title"
    await through(list)
    expect((await through(list)).cache).toBe("HIT")
    // Killed as after a crash: whatever it still had to purge is gone with it.
    await killServerProcess(server!)
    server = await startServerProcess(shop, restartPort, serverEnv)
    let after = await through(list)
    for (let tries = 0; after.cache === "HIT" && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      after = await through(list)
    }
    expect([after.status, after.cache]).toEqual([200, "MISS"])
    expect((await through(list)).cache).toBe("HIT")
  })

  it("never serves a customer's answer from the proxy", async () => {
    const email = `cdn.${Date.now()}@example.com`
    const registered = await fetch(`${server!.base}/auth/customer/emailpass/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: "cdn-customer-password-1" }),
    }).then((r) => r.json())
    const key = { "x-publishable-api-key": shop.publishableKey, "content-type": "application/json" }
    await fetch(`${server!.base}/store/customers`, {
      method: "POST",
      headers: { ...key, authorization: `Bearer ${registered.token}` },
      body: JSON.stringify({ email, first_name: "Cdn", last_name: "Shopper" }),
    }).then((r) => r.arrayBuffer())
    const { token } = await fetch(`${server!.base}/auth/customer/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: "cdn-customer-password-1" }),
    }).then((r) => r.json())
    const customer = { authorization: `Bearer ${token}` }

    const one = await through("/store/products?limit=2", customer)
    const two = await through("/store/products?limit=2", customer)
    expect([one.status, one.cache, one.cacheControl]).toEqual([200, "MISS", "private, no-store"])
    expect([two.cache, two.requestId === one.requestId]).toEqual(["MISS", false])
    const me = await through("/store/customers/me", customer)
    expect([me.status, me.body.customer.email, me.cacheControl]).toEqual([200, email, "private, no-store"])
    // The anonymous list of the same URL is public and kept.
    await through("/store/products?limit=2")
    expect((await through("/store/products?limit=2")).cache).toBe("HIT")
  })
})
