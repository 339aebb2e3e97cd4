import type { RunnerContext } from "../../helpers/test-runner"
import { setAppEnv } from "../../helpers/app-env"
import { cartReadyForPayment, startPayment } from "../../helpers/checkout"
import { registerCustomer, statusOf } from "../../helpers/security"
import { failure, guestCheckout, MADRID_ADDRESS, publishableKey, storeSdk } from "../../helpers/store"

/**
 * Ownership (issue 8): the carts and orders of a registered customer answer only to that customer's token; anyone
 * else gets 404. Guest carts and orders keep Medusa's model (the id is the capability), optionally tightened to an
 * order token. The JS SDK flows, guest and logged in, still complete and read their confirmation.
 */
export function securityOwnershipSuite({ api, getContainer }: RunnerContext): void {
  let key: string
  let store: { headers: Record<string, string> }

  beforeEach(async () => {
    key = await publishableKey(getContainer())
    store = { headers: { "x-publishable-api-key": key } }
  })

  async function loggedInSdk(email: string, password: string) {
    const sdk = storeSdk(api, key)
    await sdk.auth.login("customer", "emailpass", { email, password })
    return sdk
  }

  it("keeps a registered customer's cart to that customer: others get 404 and cannot take it over", async () => {
    const a = await registerCustomer(api, key, "ana.owner@example.com")
    const b = await registerCustomer(api, key, "bruno.other@example.com")
    const { data: regions } = await api.get("/store/regions", store)
    const { data } = await api.post("/store/carts", { region_id: regions.regions[0].id }, a.headers)
    const cartId = data.cart.id
    expect(data.cart.customer_id).toBe(a.id)

    expect(await statusOf(api.get(`/store/carts/${cartId}`, a.headers))).toBe(200)
    for (const who of [b.headers, store]) {
      expect(await statusOf(api.get(`/store/carts/${cartId}`, who))).toBe(404)
      expect(await statusOf(api.post(`/store/carts/${cartId}`, { email: "x@example.com" }, who))).toBe(404)
      expect(
        await statusOf(api.post(`/store/carts/${cartId}/line-items`, { variant_id: "variant_x", quantity: 1 }, who))
      ).toBe(404)
      expect(await statusOf(api.post(`/store/payment-collections`, { cart_id: cartId }, who))).toBe(404)
      expect(await statusOf(api.get(`/store/shipping-options?cart_id=${cartId}`, who))).toBe(404)
    }
    const takeover = await failure(api.post(`/store/carts/${cartId}/customer`, {}, b.headers))
    expect(takeover.status).toBe(404)
    const { data: still } = await api.get(`/store/carts/${cartId}?fields=+customer_id`, a.headers)
    expect(still.cart.customer_id).toBe(a.id)
  })

  it("leaves a customer's cash-on-delivery cart untouched when someone else tries to complete it", async () => {
    // The offline plugin adds the cash-on-delivery fee to a cart at completion: a stranger's attempt must not.
    const a = await registerCustomer(api, key, "cod.owner@example.com")
    const b = await registerCustomer(api, key, "cod.other@example.com")
    const sdkA = await loggedInSdk(a.email, a.password)
    const { cart } = await cartReadyForPayment(sdkA, { email: a.email })
    const { session } = await startPayment(sdkA, cart.id, "pp_cash-on-delivery_offline")
    for (const who of [store, b.headers]) {
      expect(await statusOf(api.post(`/store/carts/${cart.id}/complete`, {}, who))).toBe(404)
    }
    const fields = "*items,*payment_collection.payment_sessions"
    const { cart: untouched } = await sdkA.store.cart.retrieve(cart.id, { fields })
    expect(untouched.items!.map((item) => item.id)).toEqual(cart.items!.map((item) => item.id))
    expect(untouched.payment_collection!.payment_sessions!.map((s) => s.id)).toEqual([session.id])

    const completed = await sdkA.store.cart.complete(cart.id)
    expect(completed.type).toBe("order")
    const order = (completed as { order: { items?: unknown[] } }).order
    expect(order.items).toHaveLength(cart.items!.length + 1)
  })

  it("lets a customer claim a guest cart, which then belongs to that customer", async () => {
    const b = await registerCustomer(api, key, "claimer@example.com")
    const { data } = await api.post("/store/carts", {}, store)
    expect(await statusOf(api.get(`/store/carts/${data.cart.id}`, store))).toBe(200)
    const { data: claimed } = await api.post(`/store/carts/${data.cart.id}/customer?fields=+customer_id`, {}, b.headers)
    expect(claimed.cart.customer_id).toBe(b.id)
    expect(await statusOf(api.get(`/store/carts/${data.cart.id}`, store))).toBe(404)
  })

  it("asks an anonymous caller to log in before using a registered customer's email on a cart", async () => {
    await registerCustomer(api, key, "has.account@example.com")
    const refused = await failure(api.post("/store/carts", { email: "has.account@example.com" }, store))
    expect(refused.status).toBe(400)
    expect(refused.data.message).toMatch(/log in/)
    const { data } = await api.post("/store/carts", {}, store)
    expect(
      (await failure(api.post(`/store/carts/${data.cart.id}`, { email: "HAS.account@example.com" }, store))).status
    ).toBe(400)
  })

  it("keeps a registered customer's order to that customer, the JS SDK checkout included", async () => {
    const a = await registerCustomer(api, key, "orderer@example.com")
    const b = await registerCustomer(api, key, "snooper@example.com")
    const sdkA = await loggedInSdk(a.email, a.password)
    const { order } = await guestCheckout(sdkA, { email: a.email })
    const { order: confirmation } = await sdkA.store.order.retrieve(order.id, { fields: "+customer_id" })
    expect(confirmation.id).toBe(order.id)
    expect(confirmation.customer_id).toBe(a.id)
    for (const who of [b.headers, store]) {
      const response = await failure(api.get(`/store/orders/${order.id}`, who))
      expect(response.status).toBe(404)
      expect(JSON.stringify(response.data)).not.toMatch(/orderer@example.com|Gran Vía/)
    }
    expect(await statusOf(api.post(`/store/orders/${order.id}/transfer/request`, {}, b.headers))).toBe(404)
    expect(
      await statusOf(
        api.post(`/store/returns`, { order_id: order.id, items: [], return_shipping: { option_id: "so_x" } }, b.headers)
      )
    ).toBe(404)
  })

  it("keeps guest checkout on Medusa's model: the order id reads the confirmation, and the answer carries an order token", async () => {
    const sdk = storeSdk(api, key)
    const { regions } = await sdk.store.region.list()
    const europe = regions.find((region) => region.currency_code === "eur")!
    const { order } = await guestCheckout(sdk, { email: "guest.buyer@example.com" })
    const { order: confirmation } = await sdk.store.order.retrieve(order.id)
    expect(confirmation.email).toBe("guest.buyer@example.com")
    expect(europe.id).toBeTruthy()

    // the raw completion answer carries the order token
    const { data: cart } = await api.post(
      "/store/carts",
      { region_id: europe.id, email: "token.buyer@example.com" },
      store
    )
    const { data: products } = await api.get(`/store/products?region_id=${europe.id}&limit=1&fields=variants.id`, store)
    await api.post(
      `/store/carts/${cart.cart.id}/line-items`,
      { variant_id: products.products[0].variants[0].id, quantity: 1 },
      store
    )
    await api.post(
      `/store/carts/${cart.cart.id}`,
      { shipping_address: MADRID_ADDRESS, billing_address: MADRID_ADDRESS },
      store
    )
    const { data: options } = await api.get(`/store/shipping-options?cart_id=${cart.cart.id}`, store)
    await api.post(
      `/store/carts/${cart.cart.id}/shipping-methods`,
      { option_id: options.shipping_options[0].id },
      store
    )
    const { data: collection } = await api.post("/store/payment-collections", { cart_id: cart.cart.id }, store)
    await api.post(
      `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
      { provider_id: "pp_system_default" },
      store
    )
    const { data: completed } = await api.post(`/store/carts/${cart.cart.id}/complete`, {}, store)
    expect(completed.type).toBe("order")
    expect(completed.order_token).toMatch(/^[\w-]{40,}$/)

    // stricter opt-in mode: a guest order needs its token
    setAppEnv({ TIENDA_GUEST_ORDER_ACCESS: "token" })
    try {
      expect(await statusOf(api.get(`/store/orders/${completed.order.id}`, store))).toBe(404)
      expect(
        await statusOf(
          api.get(`/store/orders/${completed.order.id}`, { headers: { ...store.headers, "x-order-token": "forged" } })
        )
      ).toBe(404)
      const { data } = await api.get(`/store/orders/${completed.order.id}`, {
        headers: { ...store.headers, "x-order-token": completed.order_token },
      })
      expect(data.order.id).toBe(completed.order.id)
    } finally {
      setAppEnv({ TIENDA_GUEST_ORDER_ACCESS: undefined })
    }
  })

  it("refuses transfer requests of a guest order unless the customer's email is the order's", async () => {
    const { order } = await guestCheckout(storeSdk(api, key), { email: "guest.owner@example.com" })
    const stranger = await registerCustomer(api, key, "stranger@example.com")
    const refused = await failure(api.post(`/store/orders/${order.id}/transfer/request`, {}, stranger.headers))
    expect(refused.status).toBe(400)
    expect(refused.data.message).toMatch(/order's email/)
    expect(
      (await failure(api.post(`/store/orders/${order.id}/transfer/request`, {}, store))).status
    ).toBeGreaterThanOrEqual(400)

    const owner = await registerCustomer(api, key, "guest.owner@example.com")
    const { data } = await api.post(`/store/orders/${order.id}/transfer/request`, {}, owner.headers)
    expect(data.order.id).toBe(order.id)
  })
}
