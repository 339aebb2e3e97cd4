import { FeatureFlag, Modules } from "@medusajs/framework/utils"
import products from "../../../data/products.json"
import customers from "../../../data/customers.json"
import { failure, guestCheckout, MADRID_ADDRESS, publishableKey, storeSdk } from "../../helpers/store"
import type { RunnerContext } from "../../helpers/test-runner"

/** The demo catalog's EUR price of a SKU, in major units (data keeps integer cents). */
function eurPrice(sku: string): number {
  const variant = products.flatMap((product: any) => product.variants).find((v: any) => v.sku === sku)
  return variant.prices.eur / 100
}

export function storefrontSuite({ api, getContainer }: RunnerContext): void {
  let key: string
  let headers: { headers: Record<string, string> }

  beforeAll(async () => {
    key = await publishableKey(getContainer())
    headers = { headers: { "x-publishable-api-key": key } }
  })

  it("runs on the infrastructure the environment asks for: Redis with REDIS_URL, PostgreSQL locks without", () => {
    const container = getContainer()
    const eventBus = container.resolve(Modules.EVENT_BUS) as object
    const locking = container.resolve(Modules.LOCKING) as unknown as { defaultProviderId: string }
    if (process.env.REDIS_URL) {
      expect(eventBus.constructor.name).toBe("RedisEventBusService")
      expect(locking.defaultProviderId).toMatch(/redis/)
    } else {
      expect(eventBus.constructor.name).toBe("LocalEventBusService")
      expect(locking.defaultProviderId).toMatch(/postgres/)
    }
    // Medusa's Caching Module on its feature flag, through Tienda's bounded provider (in both set-ups).
    expect(FeatureFlag.isFeatureEnabled("caching")).toBe(true)
    const caching = container.resolve(Modules.CACHING) as unknown as { defaultProviderId: string }
    expect(caching.defaultProviderId).toBe("bounded")
  })

  it("answers /health", async () => {
    const response = await api.get("/health")
    expect(response.status).toBe(200)
    expect(response.data).toBe("OK")
  })

  describe("catalog", () => {
    it("lists products with prices calculated for the region", async () => {
      const { data: regionData } = await api.get("/store/regions", headers)
      const europe = regionData.regions.find((region: any) => region.currency_code === "eur")
      const usa = regionData.regions.find((region: any) => region.currency_code === "usd")
      expect(europe.countries.map((country: any) => country.iso_2)).toEqual(expect.arrayContaining(["de", "es", "fr"]))

      const { data } = await api.get(
        `/store/products?region_id=${europe.id}&limit=50&fields=*variants.calculated_price,variants.sku`,
        headers
      )
      expect(data.count).toBeGreaterThanOrEqual(40)
      expect(data.products).toHaveLength(Math.min(50, data.count))
      for (const product of data.products) {
        for (const variant of product.variants) {
          expect(variant.calculated_price.currency_code).toBe("eur")
          expect(variant.calculated_price.calculated_amount).toBe(eurPrice(variant.sku))
        }
      }

      const { data: inUsd } = await api.get(
        `/store/products?region_id=${usa.id}&limit=1&fields=*variants.calculated_price`,
        headers
      )
      expect(inUsd.products[0].variants[0].calculated_price.currency_code).toBe("usd")
    })

    it("filters products by category", async () => {
      const { data: categoryData } = await api.get("/store/product-categories?handle=tops", headers)
      expect(categoryData.product_categories).toHaveLength(1)
      const tops = categoryData.product_categories[0]

      const { data } = await api.get(`/store/product-categories/${tops.id}`, headers)
      expect(data.product_category.name).toBeTruthy()

      const { data: filtered } = await api.get(`/store/products?category_id[]=${tops.id}&limit=100`, headers)
      const expected = products.filter((product: any) => product.categories.includes("tops")).map((p: any) => p.handle)
      expect(filtered.products.map((product: any) => product.handle).sort()).toEqual(expected.sort())
    })

    it("finds a product by handle, with its options and variants", async () => {
      const wanted = products[0] as any
      const { data } = await api.get(`/store/products?handle=${wanted.handle}&fields=*variants,*options`, headers)
      expect(data.products).toHaveLength(1)
      const product = data.products[0]
      expect(product.title).toBe(wanted.title)
      expect(product.variants.map((variant: any) => variant.sku).sort()).toEqual(
        wanted.variants.map((variant: any) => variant.sku).sort()
      )
      expect(product.options.map((option: any) => option.title).sort()).toEqual(
        wanted.options.map((option: any) => option.title).sort()
      )

      const { data: none } = await api.get("/store/products?handle=no-such-product", headers)
      expect(none.products).toEqual([])
    })
  })

  describe("guest checkout", () => {
    it("goes from cart to order with the JS SDK", async () => {
      const sdk = storeSdk(api, key)
      const { order, variant, shippingOption } = await guestCheckout(sdk, { email: "lucia@example.com", quantity: 2 })

      expect(order.id).toMatch(/^order_/)
      expect(order.email).toBe("lucia@example.com")
      expect(order.currency_code).toBe("eur")
      expect(order.items).toHaveLength(1)
      expect(order.items![0].variant_id).toBe(variant.id)
      expect(order.items![0].quantity).toBe(2)
      expect(order.items![0].unit_price).toBe(variant.calculated_price!.calculated_amount)
      expect(order.shipping_methods![0].shipping_option_id).toBe(shippingOption.id)
      expect(order.shipping_address!.city).toBe(MADRID_ADDRESS.city)
      // Spain's 21 % VAT on items and shipping, prices being tax-exclusive.
      const subtotal = order.item_subtotal + order.shipping_subtotal
      expect(order.tax_total).toBeCloseTo(subtotal * 0.21, 2)
      expect(order.total).toBeCloseTo(subtotal + order.tax_total, 2)
      expect(order.payment_collections?.[0]?.status ?? "authorized").toBe("authorized")
    })

    it("refuses to complete a cart that has no shipping method, and keeps the cart", async () => {
      const sdk = storeSdk(api, key)
      const { regions } = await sdk.store.region.list()
      const { products: list } = await sdk.store.product.list({ region_id: regions[0].id, limit: 1 })
      const { cart } = await sdk.store.cart.create({ region_id: regions[0].id, email: "half@example.com" })
      await sdk.store.cart.createLineItem(cart.id, { variant_id: list[0].variants![0].id, quantity: 1 })

      const refused = await failure(api.post(`/store/carts/${cart.id}/complete`, {}, headers))
      expect(refused.status).toBeGreaterThanOrEqual(400)
      expect(refused.status).toBeLessThan(500)
      const { data } = await api.get(`/store/carts/${cart.id}`, headers)
      expect(data.cart.completed_at).toBeNull()
      expect(data.cart.items).toHaveLength(1)
    })
  })

  describe("customers", () => {
    it("registers, logs in, reads itself and sees only its own orders", async () => {
      const email = "new.customer@example.com"
      const password = "s3cret-enough"
      const { data: registered } = await api.post("/auth/customer/emailpass/register", { email, password })
      const { data: created } = await api.post(
        "/store/customers",
        { email, first_name: "Nora", last_name: "Nuevo" },
        { headers: { ...headers.headers, authorization: `Bearer ${registered.token}` } }
      )
      expect(created.customer.email).toBe(email)

      const { data: login } = await api.post("/auth/customer/emailpass", { email, password })
      const auth = { headers: { ...headers.headers, authorization: `Bearer ${login.token}` } }
      const { data: me } = await api.get("/store/customers/me", auth)
      expect(me.customer).toMatchObject({ email, first_name: "Nora", last_name: "Nuevo" })

      const { data: before } = await api.get("/store/orders", auth)
      expect(before.orders).toEqual([])

      const sdk = storeSdk(api, key)
      await sdk.auth.login("customer", "emailpass", { email, password })
      const { order } = await guestCheckout(sdk, { email })
      await guestCheckout(storeSdk(api, key), { email: "someone.else@example.com" })

      const { data: after } = await api.get("/store/orders?fields=+customer_id", auth)
      expect(after.orders.map((o: any) => o.id)).toEqual([order.id])
      expect(after.orders[0].customer_id).toBe(me.customer.id)
    })

    it("lets the seeded demo customers log in", async () => {
      for (const customer of customers.customers) {
        const { data } = await api.post("/auth/customer/emailpass", {
          email: customer.email,
          password: customers.password,
        })
        const { data: me } = await api.get("/store/customers/me", {
          headers: { ...headers.headers, authorization: `Bearer ${data.token}` },
        })
        expect(me.customer.email).toBe(customer.email)
      }
    })
  })

  describe("bad input gets a clear 4xx", () => {
    it("rejects store requests without a publishable key", async () => {
      const response = await failure(api.get("/store/products"))
      expect(response.status).toBe(400)
      expect(response.data.message).toMatch(/publishable/i)
    })

    it("rejects a wrong password and an unknown customer with 401", async () => {
      const wrong = await failure(
        api.post("/auth/customer/emailpass", { email: customers.customers[0].email, password: "not-the-password" })
      )
      expect(wrong.status).toBe(401)
      expect(wrong.data.message).toMatch(/invalid/i)
      const unknown = await failure(
        api.post("/auth/customer/emailpass", { email: "nobody@example.com", password: "x" })
      )
      expect(unknown.status).toBe(401)
    })

    it("rejects malformed JSON with 400", async () => {
      const response = await failure(
        api.post("/store/carts", '{"region_id": ', {
          headers: { ...headers.headers, "content-type": "application/json" },
          transformRequest: [(body: unknown) => body],
        })
      )
      expect(response.status).toBe(400)
      expect(JSON.stringify(response.data)).toMatch(/json/i)
    })

    it("answers unknown ids with 404 naming what was not found", async () => {
      for (const path of ["/store/products/prod_unknown", "/store/carts/cart_unknown", "/store/regions/reg_unknown"]) {
        const response = await failure(api.get(path, headers))
        expect(response.status).toBe(404)
        expect(response.data.message).toMatch(/not found|unknown/i)
      }
      const { data } = await api.post("/store/carts", {}, headers)
      const variant = await failure(
        api.post(`/store/carts/${data.cart.id}/line-items`, { variant_id: "variant_unknown", quantity: 1 }, headers)
      )
      expect(variant.status).toBeGreaterThanOrEqual(400)
      expect(variant.status).toBeLessThan(500)
      expect(variant.data.message).toMatch(/variant_unknown/)
    })

    it("rejects zero, negative and fractional quantities and leaves the cart unchanged", async () => {
      const { data: list } = await api.get("/store/products?limit=1&fields=variants.id", headers)
      const variantId = list.products[0].variants[0].id
      const { data } = await api.post("/store/carts", {}, headers)
      for (const quantity of [0, -1, 1.5, "two"]) {
        const response = await failure(
          api.post(`/store/carts/${data.cart.id}/line-items`, { variant_id: variantId, quantity }, headers)
        )
        expect(response.status).toBe(400)
        expect(response.data.message).toMatch(/quantity/i)
      }
      const { data: after } = await api.get(`/store/carts/${data.cart.id}`, headers)
      expect(after.cart.items).toEqual([])
    })
  })
}
