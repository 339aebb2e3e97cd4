import type { RunnerContext } from "../../helpers/test-runner"
import { setAppEnv } from "../../helpers/app-env"
import { registerCustomer, statusOf } from "../../helpers/security"
import { failure, guestCheckout, MADRID_ADDRESS, publishableKey, storeSdk } from "../../helpers/store"

/**
 * Every edge rule holds whatever spelling of its route a caller sends: Express routes `/store/Orders/x`,
 * `/STORE/ORDERS/x/` and `/store/orders/x` alike and decodes `%5F` in an id, so a rule that matched only the plain
 * spelling was skipped while the route ran. Spellings Express does not route (`%6F` in a static segment, `//`) must
 * answer 404 too, never the resource.
 */
export function spellingsOf(path: string, ids: string[]): string[] {
  const segments = path.split("/").slice(1)
  const join = (parts: string[]) => `/${parts.join("/")}`
  const mapStatic = (transform: (segment: string, index: number) => string) =>
    join(segments.map((segment, index) => (ids.includes(segment) ? segment : transform(segment, index))))
  const encodedId = join(segments.map((segment) => (ids.includes(segment) ? segment.replace("_", "%5F") : segment)))
  return [
    path,
    `${path}/`,
    mapStatic((segment) => segment.toUpperCase()),
    mapStatic((segment, index) => (index === 1 ? segment[0].toUpperCase() + segment.slice(1) : segment)),
    `${mapStatic((segment) => segment.toUpperCase())}/`,
    encodedId,
    mapStatic((segment, index) =>
      index === 1 ? `%${segment.charCodeAt(0).toString(16)}${segment.slice(1)}` : segment
    ),
    path.replace("/store/", "/store//"),
  ]
}

export function securitySpellingsSuite({ api, getContainer }: RunnerContext): void {
  let key: string
  let store: { headers: Record<string, string> }

  beforeEach(async () => {
    key = await publishableKey(getContainer())
    store = { headers: { "x-publishable-api-key": key } }
  })

  const send = (method: "get" | "post" | "delete", url: string, headers: object, body: object = {}) =>
    method === "post"
      ? api.post(url, body, headers)
      : method === "delete"
        ? api.delete(url, headers)
        : api.get(url, headers)

  it("keeps a customer's cart, order and payment collection to that customer in every spelling of their routes", async () => {
    const owner = await registerCustomer(api, key, "spelling.owner@example.com")
    const other = await registerCustomer(api, key, "spelling.other@example.com")
    const sdk = storeSdk(api, key)
    await sdk.auth.login("customer", "emailpass", { email: owner.email, password: owner.password })
    const { order, region, variant } = await guestCheckout(sdk, { email: owner.email })
    const { data: created } = await api.post(
      "/store/carts",
      { region_id: region.id, items: [{ variant_id: variant.id, quantity: 1 }] },
      owner.headers
    )
    const cart = created.cart
    const { data: collection } = await api.post("/store/payment-collections", { cart_id: cart.id }, owner.headers)
    const collectionId = collection.payment_collection.id
    const ids = [cart.id, order.id, collectionId, cart.items[0].id]

    const routes: Array<["get" | "post" | "delete", string, object?]> = [
      ["get", `/store/carts/${cart.id}`],
      ["post", `/store/carts/${cart.id}`, { email: "thief@example.com" }],
      ["post", `/store/carts/${cart.id}/customer`],
      ["post", `/store/carts/${cart.id}/line-items`, { variant_id: variant.id, quantity: 1 }],
      ["delete", `/store/carts/${cart.id}/line-items/${cart.items[0].id}`],
      ["get", `/store/orders/${order.id}`],
      ["post", `/store/orders/${order.id}/transfer/request`],
      ["post", `/store/payment-collections/${collectionId}/payment-sessions`, { provider_id: "pp_system_default" }],
    ]
    const leaks: string[] = []
    for (const [method, path, body] of routes) {
      for (const spelling of spellingsOf(path, ids)) {
        for (const [who, headers] of [
          ["another customer", other.headers],
          ["anonymous", store],
        ] as const) {
          const answer = await failure(send(method, spelling, headers, body)).catch(() => ({
            status: 200,
            data: "succeeded",
          }))
          // 401: Medusa's own authentication answered first (routes that need a customer).
          if (![401, 404].includes(answer.status) || /spelling\.owner|Gran Vía/.test(JSON.stringify(answer.data))) {
            leaks.push(`${method.toUpperCase()} ${spelling} as ${who} → ${answer.status}`)
          }
        }
      }
    }
    expect(leaks).toEqual([])

    // nothing was changed by those attempts
    const { data: still } = await api.get(`/store/carts/${cart.id}?fields=+customer_id,*items`, owner.headers)
    expect(still.cart.customer_id).toBe(owner.id)
    expect(still.cart.email).toBe(owner.email)
    expect(still.cart.items.map((item: { id: string; quantity: number }) => [item.id, item.quantity])).toEqual([
      [cart.items[0].id, 1],
    ])
    const { data: sessions } = await api.get(
      `/store/carts/${cart.id}?fields=payment_collection.payment_sessions.id`,
      owner.headers
    )
    expect(sessions.cart.payment_collection.payment_sessions).toEqual([])
    // and the owner still reaches them in any spelling
    expect(await statusOf(api.get(`/STORE/Carts/${cart.id}/`, owner.headers))).toBe(200)
    expect(await statusOf(api.get(`/store/ORDERS/${order.id}`, owner.headers))).toBe(200)
  })

  it("needs the order token for a guest order in every spelling when guest orders need one", async () => {
    const { order } = await guestCheckout(storeSdk(api, key), { email: "spelling.guest@example.com" })
    setAppEnv({ TIENDA_GUEST_ORDER_ACCESS: "token" })
    try {
      for (const spelling of spellingsOf(`/store/orders/${order.id}`, [order.id])) {
        expect([spelling, await statusOf(api.get(spelling, store))]).toEqual([spelling, 404])
      }
    } finally {
      setAppEnv({ TIENDA_GUEST_ORDER_ACCESS: undefined })
    }
  })

  it("does not delete the line item of another cart through one's own cart", async () => {
    const { data: regions } = await api.get("/store/regions", store)
    const { data: products } = await api.get(
      `/store/products?region_id=${regions.regions[0].id}&limit=1&fields=variants.id`,
      store
    )
    const variantId = products.products[0].variants[0].id
    const newCart = async () =>
      (
        await api.post(
          "/store/carts",
          { region_id: regions.regions[0].id, items: [{ variant_id: variantId, quantity: 2 }] },
          store
        )
      ).data.cart
    const victim = await newCart()
    const attacker = await newCart()
    for (const spelling of spellingsOf(`/store/carts/${attacker.id}/line-items/${victim.items[0].id}`, [
      attacker.id,
      victim.items[0].id,
    ])) {
      expect([spelling, await statusOf(api.delete(spelling, store))]).toEqual([spelling, 404])
    }
    const { data } = await api.get(`/store/carts/${victim.id}`, store)
    expect(data.cart.items.map((item: { id: string }) => item.id)).toEqual([victim.items[0].id])
    // one's own line still goes
    const { data: deleted } = await api.delete(`/store/carts/${attacker.id}/line-items/${attacker.items[0].id}`, store)
    expect(deleted.deleted).toBe(true)
  })

  it("refuses a registered customer's email on an anonymous cart in every spelling", async () => {
    await registerCustomer(api, key, "spelling.account@example.com")
    const { data } = await api.post("/store/carts", {}, store)
    for (const spelling of [
      ...spellingsOf("/store/carts", []),
      ...spellingsOf(`/store/carts/${data.cart.id}`, [data.cart.id]),
    ]) {
      const status = await statusOf(api.post(spelling, { email: "spelling.account@example.com" }, store))
      expect([spelling, status === 400 || status === 404]).toEqual([spelling, true])
    }
  })

  it("counts every spelling of a limited route against the same limit", async () => {
    setAppEnv({ TIENDA_RATE_LIMIT_CART_IP: "3/60" })
    try {
      for (const spelling of ["/STORE/CARTS", "/store/Carts/", "/store/carts/"]) {
        expect([spelling, await statusOf(api.post(spelling, {}, store))]).toEqual([spelling, 200])
      }
      const limited = await failure(api.post("/store/carts", {}, store))
      expect(limited.status).toBe(429)
      expect(limited.data.message).toMatch(/carts created/)
    } finally {
      setAppEnv({ TIENDA_RATE_LIMIT_CART_IP: undefined })
    }
  })

  it("completes a cart through its line and with its order token in any spelling", async () => {
    const { data: regions } = await api.get("/store/regions", store)
    const europe = regions.regions.find((region: { currency_code: string }) => region.currency_code === "eur")
    const { data: products } = await api.get(`/store/products?region_id=${europe.id}&limit=1&fields=variants.id`, store)
    const { data: created } = await api.post(
      "/store/carts",
      {
        region_id: europe.id,
        email: "spelling.buyer@example.com",
        items: [{ variant_id: products.products[0].variants[0].id, quantity: 1 }],
      },
      store
    )
    const cartId = created.cart.id
    await api.post(
      `/store/carts/${cartId}`,
      { shipping_address: MADRID_ADDRESS, billing_address: MADRID_ADDRESS },
      store
    )
    const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, store)
    await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: options.shipping_options[0].id }, store)
    const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, store)
    await api.post(
      `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
      { provider_id: "pp_system_default" },
      store
    )
    const { data: completed } = await api.post(`/STORE/Carts/${cartId}/Complete/`, {}, store)
    expect(completed.type).toBe("order")
    expect(completed.order_token).toMatch(/^[\w-]{40,}$/)
  })

  it("answers an empty variant id with a 400 naming the field", async () => {
    const { data: regions } = await api.get("/store/regions", store)
    const refused = await failure(
      api.post("/store/carts", { region_id: regions.regions[0].id, items: [{ variant_id: "", quantity: 1 }] }, store)
    )
    expect(refused.status).toBe(400)
    expect(refused.data.message).toMatch(/items\[0\]\.variant_id/)
    const { data } = await api.post("/store/carts", {}, store)
    const again = await failure(
      api.post(`/store/carts/${data.cart.id}/line-items`, { variant_id: " ", quantity: 1 }, store)
    )
    expect(again.status).toBe(400)
    expect(again.data.message).toMatch(/variant_id/)
  })
}
