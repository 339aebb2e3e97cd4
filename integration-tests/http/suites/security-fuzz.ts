import type { RunnerContext } from "../../helpers/test-runner"
import { adminHeaders } from "../../helpers/admin"
import { fuzzRequests, type FuzzIds, type FuzzRequest } from "../../helpers/fuzz-requests"
import { LEAK, registerCustomer } from "../../helpers/security"
import { guestCheckout, MADRID_ADDRESS, publishableKey, storeSdk } from "../../helpers/store"
import { spellingsOf } from "./security-spellings"

const SEED = 20_240_808
const COUNT = 2_000
const CONCURRENCY = 2

/**
 * Seeded, bounded fuzzing of the public edge (issue 8): 2,000 malformed requests across the store routes, the auth
 * routes and the main admin routes, anonymous and with customer, admin and garbage tokens. No answer may be a 5xx,
 * and no answer may carry SQL, a stack trace, a file path or a driver message.
 */
export function securityFuzzSuite({ api, getContainer }: RunnerContext): void {
  it(`answers ${COUNT} malformed requests without a 5xx or a leak`, async () => {
    const key = await publishableKey(getContainer())
    const storeHeaders = { "x-publishable-api-key": key }
    const admin = await adminHeaders(api)
    const customer = await registerCustomer(api, key, "fuzz.customer@example.com")
    const { data: address } = await api.post("/store/customers/me/addresses", { ...MADRID_ADDRESS }, customer.headers)

    const { order, variant, region, shippingOption } = await guestCheckout(storeSdk(api, key), {
      email: "fuzz.guest@example.com",
    })
    const { data: cart } = await api.post(
      "/store/carts",
      { region_id: region.id, items: [{ variant_id: variant.id, quantity: 1 }] },
      { headers: storeHeaders }
    )
    const { data: categories } = await api.get("/store/product-categories?limit=1", { headers: storeHeaders })
    const { data: collections } = await api.get("/store/collections?limit=1", { headers: storeHeaders })
    const ids: FuzzIds = {
      product:
        (variant as any).product_id ??
        (await api.get("/store/products?limit=1", { headers: storeHeaders })).data.products[0].id,
      variant: variant.id,
      region: region.id,
      cart: cart.cart.id,
      lineItem: cart.cart.items[0].id,
      order: order.id,
      category: categories.product_categories[0].id,
      collection: collections.collections[0].id,
      shippingOption: shippingOption.id,
      customerAddress: address.customer.addresses[0].id,
    }

    const headersFor = (auth: FuzzRequest["auth"]): Record<string, string> => {
      switch (auth) {
        case "customer":
          return { ...customer.headers.headers }
        case "admin":
          return { ...storeHeaders, ...admin.headers }
        case "garbage":
          return { ...storeHeaders, authorization: "Bearer eyJhbGciOiJub25lIn0.eyJhY3Rvcl9pZCI6IngifQ." }
        default:
          return { ...storeHeaders }
      }
    }

    const requests = fuzzRequests(SEED, COUNT, ids)
    const problems: string[] = []
    const statuses = new Map<number, number>()
    let sent = 0
    const started = Date.now()

    async function send(index: number) {
      const request = requests[index]
      const headers = headersFor(request.auth)
      const config = {
        headers,
        validateStatus: () => true,
        timeout: 60_000,
        transformRequest: request.rawBody !== undefined ? [(b: unknown) => b] : undefined,
      }
      if (request.rawBody !== undefined) headers["content-type"] = "application/json"
      const body = request.rawBody ?? request.body
      const response =
        request.method === "get"
          ? await api.get(request.url, config)
          : request.method === "delete"
            ? await api.delete(request.url, config)
            : await api.post(request.url, body, config)
      sent++
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
      const text = typeof response.data === "string" ? response.data : JSON.stringify(response.data)
      if (response.status >= 500) {
        problems.push(
          `#${index} ${request.method.toUpperCase()} ${request.url.slice(0, 150)} (${request.auth}) → ${response.status} ${text.slice(0, 200)}`
        )
      } else if (LEAK.test(text)) {
        problems.push(
          `#${index} ${request.method.toUpperCase()} ${request.url.slice(0, 150)} (${request.auth}) → ${response.status} leaks: ${text.slice(0, 300)}`
        )
      }
    }

    let nextIndex = 0
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (nextIndex < requests.length) {
          await send(nextIndex++)
        }
      })
    )

    const summary = [...statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}×${n}`)
      .join(" ")
    process.stdout.write(
      `fuzz: ${sent} requests in ${((Date.now() - started) / 1000).toFixed(1)} s; statuses ${summary}; problems ${problems.length}\n`
    )
    expect(sent).toBe(COUNT)
    expect(problems).toEqual([])
    // the fuzz must have exercised both outcomes, or it tested nothing
    expect([...statuses.keys()].some((status) => status < 300)).toBe(true)
    expect(statuses.get(400) ?? 0).toBeGreaterThan(COUNT / 4)
  })

  it("answers every store route in any spelling as it answers the canonical one (or 404 where Express routes nothing)", async () => {
    const key = await publishableKey(getContainer())
    const anonymous = { headers: { "x-publishable-api-key": key } }
    const customer = await registerCustomer(api, key, "fuzz.spellings@example.com")
    const { order, variant, region } = await guestCheckout(storeSdk(api, key), {
      email: "fuzz.spelling.guest@example.com",
    })
    const { data: open } = await api.post("/store/carts", { region_id: region.id }, anonymous)
    const { data: categories } = await api.get("/store/product-categories?limit=1", anonymous)
    const { data: collections } = await api.get("/store/collections?limit=1", anonymous)
    const productId =
      (variant as any).product_id ?? (await api.get("/store/products?limit=1", anonymous)).data.products[0].id
    const ids = [
      productId,
      region.id,
      order.id,
      open.cart.id,
      categories.product_categories[0].id,
      collections.collections[0].id,
    ]
    const routes: Array<[string, object]> = [
      ["/store/products", anonymous],
      [`/store/products/${productId}`, anonymous],
      ["/store/regions", anonymous],
      [`/store/regions/${region.id}`, anonymous],
      ["/store/product-categories", anonymous],
      [`/store/product-categories/${categories.product_categories[0].id}`, anonymous],
      ["/store/collections", anonymous],
      [`/store/collections/${collections.collections[0].id}`, anonymous],
      ["/store/product-tags", anonymous],
      ["/store/product-types", anonymous],
      ["/store/currencies", anonymous],
      ["/store/return-reasons", anonymous],
      [`/store/carts/${open.cart.id}`, anonymous],
      [`/store/orders/${order.id}`, anonymous],
      ["/store/customers/me", anonymous],
      ["/store/customers/me", customer.headers],
      ["/store/orders", customer.headers],
    ]
    const config = (headers: object) => ({ ...headers, validateStatus: () => true })
    const mismatches: string[] = []
    let compared = 0
    for (const [route, headers] of routes) {
      const canonical = (await api.get(route, config(headers))).status
      expect([route, canonical]).not.toEqual([route, 500])
      for (const spelling of spellingsOf(route, ids).slice(1)) {
        const { status } = await api.get(spelling, config(headers))
        // Express routes nothing for a percent-encoded letter in a static segment or an empty segment: 404 there.
        const routable = !/\/%[0-9a-f]{2}|\/\//i.test(spelling.replace(/%5F/g, "_"))
        const expected = routable ? canonical : 404
        compared++
        if (status !== expected) {
          mismatches.push(`GET ${spelling}: ${status}, expected ${expected}`)
        }
      }
    }
    expect(mismatches).toEqual([])
    expect(compared).toBeGreaterThan(routes.length * 6)
  })
}
