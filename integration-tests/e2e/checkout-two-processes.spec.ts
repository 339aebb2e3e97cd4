import { spawn, type ChildProcess } from "node:child_process"
import path from "node:path"
import { embeddedUrl } from "../../cli/src/db/background-server"
import { MADRID_ADDRESS } from "../helpers/store"
import { root } from "../helpers/shop-process"
import { freePort } from "../helpers/free-port"
import { okJson, requestJson, sharedShop, type SharedShop } from "../helpers/shared-shop"

/**
 * Checkout under contention across two server processes on one database (issue 8), as `medusa start --cluster` or
 * several containers run it: the shared e2e shop plus a second `medusa start` of the same production build on
 * another port. Without REDIS_URL each process has its own in-memory workflow engine and only the database (stock,
 * Tienda's strict PostgreSQL locks) is shared; with REDIS_URL (CI runs this spec again so) both share Redis's
 * workflow engine, event bus and locks. Either way exactly the stock is sold, losers get a clear 4xx, nothing 5xx.
 */
jest.setTimeout(10 * 60_000)

const STOCK = 10
const BUYERS = 30

describe("checkout across two server processes", () => {
  let shop: SharedShop
  let second: ChildProcess | undefined
  let secondOutput = ""
  let bases: string[]
  let admin: Record<string, string>

  const call = (base: string, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    requestJson(base, method, url, body, { "x-publishable-api-key": shop.publishableKey, ...headers })
  const ok = (base: string, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    okJson(base, method, url, body, { "x-publishable-api-key": shop.publishableKey, ...headers })

  beforeAll(async () => {
    shop = await sharedShop()
    admin = await shop.adminHeaders()
    const port = await freePort()
    second = spawn(path.join(root, "node_modules/.bin/medusa"), ["start"], {
      cwd: path.join(root, ".medusa/server"),
      env: {
        ...process.env,
        DATABASE_URL: embeddedUrl(shop.pgPort),
        PORT: String(port),
        TIENDA_LOCAL: "true",
        // One shop, one secret: both processes must sign and verify the same tokens.
        TIENDA_STATE_DIR: shop.stateDir,
        // Every racer comes from 127.0.0.1: the per-address cap of the checkout line must not decide the race.
        TIENDA_CHECKOUT_PER_ADDRESS: "1000",
        MEDUSA_WORKER_MODE: "server",
        MEDUSA_DISABLE_TELEMETRY: "true",
        TIENDA_METRICS_PORT: "off",
        LOG_LEVEL: "warn",
      },
    })
    second.stdout!.on("data", (chunk) => (secondOutput += chunk))
    second.stderr!.on("data", (chunk) => (secondOutput += chunk))
    const deadline = Date.now() + 3 * 60_000
    for (;;) {
      if (second.exitCode !== null || Date.now() > deadline) {
        throw new Error(`the second server did not come up:\n${secondOutput}`)
      }
      const healthy = await fetch(`http://localhost:${port}/health`).then(
        (r) => r.ok,
        () => false
      )
      if (healthy) {
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    bases = [shop.base, `http://localhost:${port}`]
  })

  afterAll(async () => {
    if (second && second.exitCode === null) {
      const exited = new Promise((resolve) => second!.once("exit", resolve))
      second.kill("SIGTERM")
      await exited
    }
  })

  /** A variant of a product the other e2e specs do not buy, with exactly STOCK units in one location. */
  async function scarceVariant() {
    const { regions } = await ok(shop.base, "GET", "/store/regions")
    const europe = regions.find((r: any) => r.currency_code === "eur")
    // Named, not the n-th of an unordered list: no other e2e spec buys this one.
    const { products } = await ok(
      shop.base,
      "GET",
      `/store/products?handle=esparto-market-basket&region_id=${europe.id}&fields=variants.id,variants.sku`
    )
    const variant = products[0].variants[0]
    const { inventory_items } = await ok(
      shop.base,
      "GET",
      `/admin/inventory-items?sku=${encodeURIComponent(variant.sku)}&fields=id,*location_levels`,
      undefined,
      admin
    )
    const item = inventory_items[0]
    for (const [index, level] of item.location_levels.entries()) {
      await ok(
        shop.base,
        "POST",
        `/admin/inventory-items/${item.id}/location-levels/${level.location_id}`,
        { stocked_quantity: index === 0 ? STOCK : 0 },
        admin
      )
    }
    return { variantId: variant.id as string, inventoryItemId: item.id as string, regionId: europe.id as string }
  }

  async function readyCart(base: string, regionId: string, variantId: string, email: string): Promise<string> {
    const { cart } = await ok(base, "POST", "/store/carts", {
      region_id: regionId,
      email,
      items: [{ variant_id: variantId, quantity: 1 }],
      shipping_address: MADRID_ADDRESS,
      billing_address: MADRID_ADDRESS,
    })
    const { shipping_options } = await ok(base, "GET", `/store/shipping-options?cart_id=${cart.id}`)
    await ok(base, "POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id })
    const { payment_collection } = await ok(base, "POST", "/store/payment-collections", { cart_id: cart.id })
    await ok(base, "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, {
      provider_id: "pp_system_default",
    })
    return cart.id
  }

  it(`sells exactly ${STOCK} units to ${BUYERS} buyers split over both processes`, async () => {
    const { variantId, inventoryItemId, regionId } = await scarceVariant()
    const carts: string[] = []
    for (let i = 0; i < BUYERS; i += 5) {
      carts.push(
        ...(await Promise.all(
          [0, 1, 2, 3, 4].map((j) => readyCart(bases[(i + j) % 2], regionId, variantId, `cluster${i + j}@example.com`))
        ))
      )
    }
    const outcomes = await Promise.all(
      carts.map((cartId, i) => call(bases[i % 2], "POST", `/store/carts/${cartId}/complete`, {}))
    )
    const orders = outcomes.filter((o) => o.status === 200 && o.data.type === "order")
    const refused = outcomes.filter((o) => o.status >= 400 && o.status < 500)
    process.stdout.write(
      `two processes: ${orders.length} orders, ${refused.length} refused, statuses ${JSON.stringify(outcomes.map((o) => o.status))}\n`
    )
    expect(outcomes.filter((o) => o.status >= 500).map((o) => o.data)).toEqual([])
    expect(orders).toHaveLength(STOCK)
    expect(refused).toHaveLength(BUYERS - STOCK)
    for (const loser of refused) {
      expect([400, 409]).toContain(loser.status)
      expect(loser.data.message).toMatch(/inventory|stock|another request|retry/i)
    }
    const { inventory_item } = await ok(
      shop.base,
      "GET",
      `/admin/inventory-items/${inventoryItemId}?fields=id,*location_levels`,
      undefined,
      admin
    )
    const totals = inventory_item.location_levels.reduce(
      (sum: { stocked: number; reserved: number }, level: any) => ({
        stocked: sum.stocked + Number(level.stocked_quantity),
        reserved: sum.reserved + Number(level.reserved_quantity),
      }),
      { stocked: 0, reserved: 0 }
    )
    expect(totals).toEqual({ stocked: STOCK, reserved: STOCK })
  })

  it("turns 10 parallel completes of one cart, sent to both processes, into one order", async () => {
    const { regions } = await ok(shop.base, "GET", "/store/regions")
    const europe = regions.find((r: any) => r.currency_code === "eur")
    const { products } = await ok(
      shop.base,
      "GET",
      `/store/products?handle=roll-top-backpack&region_id=${europe.id}&fields=variants.id`
    )
    const cartId = await readyCart(shop.base, europe.id, products[0].variants[0].id, "double.click.cluster@example.com")
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) => call(bases[i % 2], "POST", `/store/carts/${cartId}/complete`, {}))
    )
    expect(outcomes.filter((o) => o.status >= 500).map((o) => o.data)).toEqual([])
    const orderIds = new Set(
      outcomes.filter((o) => o.status === 200 && o.data.type === "order").map((o) => o.data.order.id)
    )
    expect(orderIds.size).toBe(1)
    const { orders } = await ok(
      shop.base,
      "GET",
      `/admin/orders?q=double.click.cluster&fields=id,email`,
      undefined,
      admin
    )
    expect(orders.filter((o: any) => o.email === "double.click.cluster@example.com")).toHaveLength(1)
  })
})
