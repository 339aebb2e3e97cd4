import products from "../../../data/products.json"
import { ADMIN_EMAIL, ADMIN_PASSWORD, adminHeaders } from "../../helpers/admin"
import { failure, guestCheckout, publishableKey, storeSdk } from "../../helpers/store"
import type { RunnerContext } from "../../helpers/test-runner"

export function adminSuite({ api, getContainer }: RunnerContext): void {
  let admin: { headers: Record<string, string> }

  beforeEach(async () => {
    admin = await adminHeaders(api)
  })

  it("logs in with email and password and reads its own user", async () => {
    const login = await api.post("/auth/user/emailpass", { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })
    const bearer = { headers: { authorization: `Bearer ${login.data.token}` } }
    const { data } = await api.get("/admin/users/me", bearer)
    expect(data.user.email).toBe(ADMIN_EMAIL)

    // The dashboard's way: a session cookie from the token.
    const { headers } = await api.post("/auth/session", {}, bearer)
    const cookie = String(headers["set-cookie"]).split(";")[0]
    const { data: viaCookie } = await api.get("/admin/users/me", { headers: { cookie } })
    expect(viaCookie.user.email).toBe(ADMIN_EMAIL)
  })

  it("rejects a wrong password and an anonymous request", async () => {
    const wrong = await failure(api.post("/auth/user/emailpass", { email: ADMIN_EMAIL, password: "guess" }))
    expect(wrong.status).toBe(401)
    expect(wrong.data.message).toMatch(/invalid/i)
    const anonymous = await failure(api.get("/admin/products"))
    expect(anonymous.status).toBe(401)
  })

  it("lists the seeded products with pagination", async () => {
    const { data: page1 } = await api.get("/admin/products?limit=10&offset=0&order=handle", admin)
    const { data: page2 } = await api.get("/admin/products?limit=10&offset=10&order=handle", admin)
    expect(page1.count).toBe(products.length)
    expect(page1.products).toHaveLength(10)
    const handles = [...page1.products, ...page2.products].map((product: any) => product.handle)
    expect(new Set(handles).size).toBe(20)
    expect(handles).toEqual([...handles].sort())
  })

  it("creates a product and updates it", async () => {
    const { data: store } = await api.get("/admin/stores", admin)
    const { data: channels } = await api.get("/admin/sales-channels", admin)
    const { data: profiles } = await api.get("/admin/shipping-profiles", admin)
    const { data: created } = await api.post(
      "/admin/products",
      {
        title: "Linen Apron",
        handle: "linen-apron",
        status: "published",
        shipping_profile_id: profiles.shipping_profiles[0].id,
        sales_channels: [{ id: channels.sales_channels[0].id }],
        options: [{ title: "Color", values: ["Sand", "Olive"] }],
        variants: [
          {
            title: "Sand",
            sku: "APR-LIN-SND",
            options: { Color: "Sand" },
            weight: 240,
            prices: [
              { currency_code: "eur", amount: 34 },
              { currency_code: "usd", amount: 38 },
            ],
          },
          {
            title: "Olive",
            sku: "APR-LIN-OLV",
            options: { Color: "Olive" },
            weight: 240,
            prices: [
              { currency_code: "eur", amount: 34 },
              { currency_code: "usd", amount: 38 },
            ],
          },
        ],
      },
      admin
    )
    expect(created.product).toMatchObject({ title: "Linen Apron", handle: "linen-apron", status: "published" })
    expect(created.product.variants).toHaveLength(2)
    expect(store.stores).toHaveLength(1)

    const { data: updated } = await api.post(
      `/admin/products/${created.product.id}`,
      { title: "Stonewashed Linen Apron", description: "Heavy linen, adjustable strap." },
      admin
    )
    expect(updated.product.title).toBe("Stonewashed Linen Apron")
    const { data: reread } = await api.get(`/admin/products/${created.product.id}`, admin)
    expect(reread.product.description).toBe("Heavy linen, adjustable strap.")

    // The storefront sees it too.
    const key = await publishableKey(getContainer())
    const { data: inStore } = await api.get("/store/products?handle=linen-apron", {
      headers: { "x-publishable-api-key": key },
    })
    expect(inStore.products[0].title).toBe("Stonewashed Linen Apron")
  })

  it("refuses invalid products with 400 and unknown ids with 404, saving nothing", async () => {
    const missingTitle = await failure(api.post("/admin/products", { handle: "no-title" }, admin))
    expect(missingTitle.status).toBe(400)
    expect(missingTitle.data.message).toMatch(/title/i)

    const duplicate = await failure(
      api.post(
        "/admin/products",
        { title: "Again", handle: products[0].handle, options: [{ title: "Size", values: ["One size"] }] },
        admin
      )
    )
    expect(duplicate.status).toBeGreaterThanOrEqual(400)
    expect(duplicate.status).toBeLessThan(500)
    expect(duplicate.data.message).toMatch(new RegExp(products[0].handle))

    const unknown = await failure(api.post("/admin/products/prod_unknown", { title: "x" }, admin))
    expect(unknown.status).toBe(404)
    expect(unknown.data.message).toMatch(/prod_unknown/)

    const { data } = await api.get("/admin/products?limit=1", admin)
    expect(data.count).toBe(products.length)
  })

  it("sees an order placed in the storefront", async () => {
    const key = await publishableKey(getContainer())
    const { order } = await guestCheckout(storeSdk(api, key), { email: "shopper@example.com" })

    const { data } = await api.get("/admin/orders?fields=id,email,total,*items", admin)
    expect(data.orders.map((o: any) => o.id)).toContain(order.id)
    const { data: detail } = await api.get(`/admin/orders/${order.id}?fields=id,email,total,*items`, admin)
    expect(detail.order.email).toBe("shopper@example.com")
    expect(detail.order.items[0].variant_id).toBe(order.items![0].variant_id)
    expect(detail.order.total).toBe(order.total)
  })
}
