import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { RunnerContext } from "../../helpers/test-runner"
import { adminHeaders } from "../../helpers/admin"
import { publishableKey } from "../../helpers/store"
import { ScheduledPriceLists } from "../../../src/lib/catalog-cache/invalidation/scheduled-price-lists"

/**
 * HTTP caching of the catalog in the whole app: strong ETags and 304s on anonymous catalog answers, a new ETag after
 * an admin change or a scheduled price list's start and end, and every personal answer private.
 */
export function httpCachingSuite({ api, getContainer }: RunnerContext): void {
  let store: Record<string, string>
  let productUrl: string
  let productId: string

  beforeAll(async () => {
    store = { "x-publishable-api-key": await publishableKey(getContainer()) }
    const { data } = await api.get("/store/regions", { headers: store })
    const region = data.regions.find((r: any) => r.currency_code === "eur")
    const { data: list } = await api.get(`/store/products?limit=1&order=title&region_id=${region.id}`, {
      headers: store,
    })
    productId = list.products[0].id
    productUrl = `/store/products/${productId}?region_id=${region.id}&fields=*variants.calculated_price`
  })

  const get = (url: string, headers: Record<string, string> = {}) =>
    api.get(url, { headers: { ...store, ...headers }, validateStatus: () => true })

  it("answers the first answer's ETag with 304 and no body", async () => {
    const first = await get(productUrl)
    expect(first.status).toBe(200)
    const etag = first.headers.etag
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/)
    expect(first.headers["cache-control"]).toMatch(/^public, max-age=0, s-maxage=0/)
    expect(first.headers.vary).toMatch(/x-publishable-api-key, x-medusa-locale, authorization, cookie/)
    expect(first.headers["surrogate-key"]).toBe(`tienda-catalog ${productId}`)
    const again = await get(productUrl, { "if-none-match": etag })
    expect([again.status, again.data, again.headers.etag]).toEqual([304, "", etag])
    // Another publishable key is another answer (here a refusal): never a 304 for the first one's tag.
    const otherKey = await get(productUrl, { "if-none-match": etag, "x-publishable-api-key": "pk_unknown" })
    expect(otherKey.status).toBeGreaterThanOrEqual(400)
  })

  it("gives a new ETag and the new price after an admin price change", async () => {
    const first = await get(productUrl)
    const variant = first.data.product.variants[0]
    const admin = await adminHeaders(api)
    const { data } = await api.get(`/admin/products/${productId}/variants/${variant.id}?fields=*prices`, admin)
    const prices = data.variant.prices.map((p: any) => ({
      id: p.id,
      currency_code: p.currency_code,
      amount: p.currency_code === "eur" ? 77.7 : p.amount,
    }))
    await api.post(`/admin/products/${productId}/variants/${variant.id}`, { prices }, admin)
    const after = await get(productUrl, { "if-none-match": first.headers.etag })
    expect(after.status).toBe(200)
    expect(after.headers.etag).not.toBe(first.headers.etag)
    const shown = after.data.product.variants.find((v: any) => v.id === variant.id)
    expect(shown.calculated_price.calculated_amount).toBe(77.7)
  })

  it("shows a scheduled sale from its start to its end, though nothing is written then", async () => {
    const admin = await adminHeaders(api)
    const before = await get(productUrl)
    const variant = before.data.product.variants[0]
    const regular = variant.calculated_price.calculated_amount
    // Windows of seconds, so that a loaded machine still asks before the start and again before the end.
    const startsAt = Date.now() + 4_000
    const endsAt = startsAt + 6_000
    const { data } = await api.post(
      "/admin/price-lists",
      {
        title: "Six-second sale",
        description: "Scheduled",
        type: "sale",
        status: "active",
        starts_at: new Date(startsAt).toISOString(),
        ends_at: new Date(endsAt).toISOString(),
        prices: [{ variant_id: variant.id, currency_code: "eur", amount: 11.1 }],
      },
      admin
    )
    const priceList = data.price_list.id
    const scheduled = new ScheduledPriceLists()
    const db = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const shownPrice = async () => {
      const answer = await get(productUrl)
      const shown = answer.data.product.variants.find((v: any) => v.id === variant.id)
      return { price: shown.calculated_price.calculated_amount, etag: answer.headers.etag }
    }
    const waitUntil = (moment: number) => new Promise((resolve) => setTimeout(resolve, moment - Date.now() + 100))
    try {
      const beforeStart = await shownPrice()
      expect(beforeStart.price).toBe(regular)
      // Nothing is written at the start; the check finds the list that began (the app's own job, every minute, may
      // have found it first).
      await waitUntil(startsAt)
      expect(await scheduled.check(db)).toContain(priceList)
      const during = await shownPrice()
      expect(during.price).toBe(11.1)
      expect(during.etag).not.toBe(beforeStart.etag)
      expect(await scheduled.check(db)).toEqual([])
      await waitUntil(endsAt)
      expect(await scheduled.check(db)).toContain(priceList)
      expect(await shownPrice()).toEqual(beforeStart)
    } finally {
      await api.delete(`/admin/price-lists/${priceList}`, admin)
    }
  })

  it("keeps a customer's answers, carts and errors private", async () => {
    const email = "cache.shopper@example.com"
    const password = "s3cret-enough"
    const { data: registered } = await api.post("/auth/customer/emailpass/register", { email, password })
    await api.post(
      "/store/customers",
      { email, first_name: "Cache", last_name: "Shopper" },
      { headers: { ...store, authorization: `Bearer ${registered.token}` } }
    )
    const { data: login } = await api.post("/auth/customer/emailpass", { email, password })
    const customer = { authorization: `Bearer ${login.token}` }
    const personal = (answer: { status: number; headers: Record<string, any> }) => [
      answer.status,
      answer.headers["cache-control"],
      answer.headers["surrogate-key"],
    ]
    expect(personal(await get(productUrl, customer))).toEqual([200, "private, no-store", undefined])
    expect(personal(await get("/store/customers/me", customer))).toEqual([200, "private, no-store", undefined])
    const { data: cart } = await api.post("/store/carts", {}, { headers: store })
    expect(personal(await get(`/store/carts/${cart.cart.id}`))).toEqual([200, "private, no-store", undefined])
    expect(personal(await get("/store/products/prod_unknown"))).toEqual([404, "private, no-store", undefined])
  })
}
