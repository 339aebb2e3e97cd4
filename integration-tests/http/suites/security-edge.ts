import type { RunnerContext } from "../../helpers/test-runner"
import { adminHeaders } from "../../helpers/admin"
import { failure, MADRID_ADDRESS, publishableKey } from "../../helpers/store"

/**
 * The edge of issue 8: one shared validator (400 naming the parameter instead of a 500 with SQL), safe errors,
 * security headers and cookies, and the feature-flag route closed to anonymous callers.
 */
export function securityEdgeSuite({ api, getContainer }: RunnerContext): void {
  let store: { headers: Record<string, string> }

  beforeEach(async () => {
    store = { headers: { "x-publishable-api-key": await publishableKey(getContainer()) } }
  })

  async function expect400(
    path: string,
    parameter: RegExp,
    init: { method?: "get" | "post" | "delete"; body?: unknown; headers?: Record<string, string> } = {}
  ) {
    const headers = { ...store.headers, ...(init.headers ?? {}) }
    const request =
      init.method === "post"
        ? api.post(path, init.body, { headers })
        : init.method === "delete"
          ? api.delete(path, { headers })
          : api.get(path, { headers })
    const response = await failure(request)
    expect({ path, status: response.status }).toEqual({ path, status: 400 })
    expect(response.data.message).toMatch(parameter)
    expect(JSON.stringify(response.data)).not.toMatch(/select |from "|node_modules|\bat .*:\d+:\d+/i)
    return response
  }

  it("refuses out-of-range pagination, NUL bytes, bad dates and unknown operators with a 400 naming the parameter", async () => {
    const lists = [
      "/store/regions",
      "/store/collections",
      "/store/product-tags",
      "/store/product-types",
      "/store/product-categories",
      "/store/products",
    ]
    for (const list of lists) {
      await expect400(`${list}?limit=-1`, /^limit/)
      await expect400(`${list}?offset=-5`, /^offset/)
      await expect400(`${list}?created_at[$gt]=notadate`, /created_at\[\$gt\]/)
      await expect400(`${list}?created_at[$lt]=2020-13-45`, /created_at\[\$lt\]/)
      await expect400(`${list}?q=a%00b`, /^q .*NUL/)
      await expect400(`${list}?created_at[$where]=1`, /unknown filter operator \$where/)
    }
    await expect400("/store/products?handle=x%00", /^handle/)
    await expect400("/store/products?limit=10000", /limit must be between 1 and 100/)
    await expect400("/store/products?q=%ED%A0%80", /surrogate|malformed/)
    await expect400(`/store/products?q=${"a".repeat(1_001)}`, /^q is too long/)
    const { data } = await api.get("/store/products?limit=100&offset=0&created_at[$gte]=2020-01-01", store)
    expect(data.products.length).toBeGreaterThan(0)
  })

  it("refuses malformed percent-encoding in the path and the query", async () => {
    await expect400("/store/products/%E0%A4%A", /malformed percent-encoding/)
    await expect400("/store/products?q=%zz", /query parameter q has malformed percent-encoding/)
    const admin = await adminHeaders(api)
    await expect400("/admin/products/%E0%A4%A", /malformed percent-encoding/, { headers: admin.headers })
  })

  it("bounds admin lists at 1000 (clamping, as the dashboard asks for 9999) and refuses negative ones", async () => {
    const admin = await adminHeaders(api)
    const { data } = await api.get("/admin/regions?limit=9999", admin)
    expect(data.limit).toBe(1000)
    await expect400("/admin/products?limit=-1", /^limit/, { headers: admin.headers })
    await expect400("/admin/orders?created_at[$gt]=notadate", /created_at\[\$gt\]/, { headers: admin.headers })
  })

  it("refuses deep, wide or control-laden JSON bodies, metadata included, quickly", async () => {
    let deep: any = "leaf"
    for (let i = 0; i < 2_000; i++) deep = { a: deep }
    const started = Date.now()
    await expect400("/store/carts", /metadata|nested too deeply/, { method: "post", body: { metadata: deep } })
    expect(Date.now() - started).toBeLessThan(5_000)
    await expect400("/store/carts", /metadata is nested too deeply/, {
      method: "post",
      body: { metadata: { a: { b: { c: { d: { e: 1 } } } } } },
    })
    await expect400("/store/carts", /^body.email must not contain NUL/, {
      method: "post",
      body: { email: "a\u0000@example.com" },
    })
    await expect400("/store/carts", /surrogate/, { method: "post", body: { email: "\ud800@example.com" } })
  })

  it("checks the addresses' country codes against ISO 3166-1 and the cart's region, on creation too", async () => {
    const { data } = await api.get("/store/regions", store)
    const europe = data.regions.find((region: any) => region.currency_code === "eur")
    for (const country_code of ["zz", "<script>", "us"]) {
      await expect400("/store/carts", /shipping_address.country_code/, {
        method: "post",
        body: { region_id: europe.id, shipping_address: { ...MADRID_ADDRESS, country_code } },
      })
    }
    await expect400("/store/carts", /country_code/, {
      method: "post",
      body: { region_id: europe.id, billing_address: { ...MADRID_ADDRESS, country_code: "x".repeat(10_000) } },
    })
    const { data: created } = await api.post(
      "/store/carts",
      { region_id: europe.id, shipping_address: MADRID_ADDRESS },
      store
    )
    expect(created.cart.shipping_address.country_code).toBe("es")
    await expect400(`/store/carts/${created.cart.id}`, /billing_address.country_code/, {
      method: "post",
      body: { billing_address: { ...MADRID_ADDRESS, country_code: "zz" } },
    })
  })

  it("registers only email identifiers", async () => {
    for (const email of ["not-an-email", "a@b", "<script>@x"]) {
      const response = await failure(
        api.post("/auth/customer/emailpass/register", { email, password: "long-enough-secret" })
      )
      expect(response.status).toBe(400)
      expect(response.data.message).toMatch(/email/)
    }
    const { data } = await api.post("/auth/customer/emailpass/register", {
      email: "fine@example.com",
      password: "long-enough-secret",
    })
    expect(data.token).toBeTruthy()
  })

  it("answers 404, not a TypeError 500, for unknown carts and shipping options", async () => {
    const line = await failure(api.delete("/store/carts/cart_unknown/line-items/x", store))
    expect(line.status).toBe(404)
    const { data } = await api.post("/store/carts", {}, store)
    const option = await failure(
      api.post("/store/shipping-options/so_unknown/calculate", { cart_id: data.cart.id }, store)
    )
    expect(option.status).toBe(404)
    expect(option.data.message).toMatch(/so_unknown/)
  })

  it("puts security headers and a request id on answers and errors", async () => {
    const ok = await api.get("/store/regions", store)
    const missing = await failure(api.get("/store/products/prod_unknown", store))
    expect(missing.status).toBe(404)
    for (const headers of [
      ok.headers,
      (await api.get("/store/regions", { ...store, validateStatus: () => true })).headers,
    ]) {
      expect(headers["x-content-type-options"]).toBe("nosniff")
      expect(headers["content-security-policy"]).toMatch(/default-src 'none'/)
      expect(headers["x-frame-options"]).toBe("SAMEORIGIN")
      expect(headers["strict-transport-security"]).toMatch(/max-age=/)
      expect(headers["x-request-id"]).toMatch(/^[\w.:-]{8,64}$/)
    }
    const notFound = await api.get("/store/products/prod_unknown", { ...store, validateStatus: () => true })
    expect(notFound.status).toBe(404)
    expect(notFound.headers["x-content-type-options"]).toBe("nosniff")
    const forged = await api.get("/store/regions", {
      headers: { ...store.headers, "x-request-id": 'evil <script> " id' },
      validateStatus: () => true,
    })
    expect(forged.headers["x-request-id"]).not.toMatch(/evil/)
  })

  it("gives the admin session cookie HttpOnly and SameSite", async () => {
    const admin = await adminHeaders(api)
    const { headers } = await api.post("/auth/session", {}, admin)
    const cookie = String(headers["set-cookie"])
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
  })

  it("serves the feature flags to admins only", async () => {
    const anonymous = await failure(api.get("/admin/feature-flags"))
    expect(anonymous.status).toBe(401)
    const admin = await adminHeaders(api)
    const { data } = await api.get("/admin/feature-flags", admin)
    expect(typeof data.feature_flags).toBe("object")
  })
}
