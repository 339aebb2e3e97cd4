import type { RunnerContext } from "../../helpers/test-runner"
import { Modules } from "@medusajs/framework/utils"
import { createPriceListsWorkflow } from "@medusajs/medusa/core-flows"
import demoCustomers from "../../../data/customers.json"
import { forgetCachedCatalog, warm } from "../../helpers/catalog-cache"
import { publishableKey } from "../../helpers/store"

function withSortedTags(body: { products: Array<{ tags?: Array<{ id: string }> }> }) {
  for (const product of body.products) {
    product.tags?.sort((a, b) => (a.id < b.id ? -1 : 1))
  }
  return body
}

/** The catalog response cache: what it serves is what Medusa serves, and nothing private is ever cached. */
export function catalogCacheSuite({ api, getContainer }: RunnerContext): void {
  let headers: { headers: Record<string, string> }
  let urls: string[]

  beforeAll(async () => {
    headers = { headers: { "x-publishable-api-key": await publishableKey(getContainer()) } }
  })

  beforeEach(async () => {
    await forgetCachedCatalog(getContainer())
    const { data } = await api.get("/store/regions", headers)
    const region = data.regions[0].id
    const { data: list } = await api.get(`/store/products?limit=1&region_id=${region}`, headers)
    const { data: categories } = await api.get("/store/product-categories", headers)
    const { data: collections } = await api.get("/store/collections", headers)
    const product = list.products[0]
    urls = [
      `/store/products?limit=20&region_id=${region}&fields=*variants.calculated_price,%2Bvariants.inventory_quantity`,
      `/store/products?offset=7&limit=5&order=title&region_id=${region}`,
      `/store/products?category_id[]=${categories.product_categories[0].id}&region_id=${region}`,
      `/store/products/${product.id}?region_id=${region}`,
      `/store/products?handle=${product.handle}&region_id=${region}&fields=*variants.calculated_price`,
      "/store/product-categories?limit=50",
      `/store/product-categories/${categories.product_categories[0].id}`,
      "/store/collections",
      `/store/collections/${collections.collections[0].id}`,
      "/store/regions",
      `/store/regions/${region}`,
    ]
    await forgetCachedCatalog(getContainer())
  })

  it("answers identically from the cache and from Medusa, for every catalog route", async () => {
    for (const url of urls) {
      process.env.TIENDA_CATALOG_CACHE = "off"
      const uncached = await api.get(url, headers)
      process.env.TIENDA_CATALOG_CACHE = "on"
      expect(uncached.headers["x-tienda-cache"]).toBeUndefined()
      const cached = await warm(api, url, headers)
      expect(cached).toEqual(uncached.data)
    }
  })

  it("assembles product lists from per-product documents, byte for byte what Medusa answers", async () => {
    const { data } = await api.get("/store/regions", headers)
    const [eur, usd] = ["eur", "usd"].map((code) => data.regions.find((r: any) => r.currency_code === code))
    const { data: all } = await api.get("/store/products?limit=100&fields=id,handle,collection_id", headers)
    const { data: categories } = await api.get("/store/product-categories?limit=1", headers)
    const [first, second] = all.products
    const collection = all.products.find((p: any) => p.collection_id).collection_id
    const raw = { ...headers, transformResponse: (body: string) => body }
    // Each rendering context (region, tax country, fields) with pages that differ in filter, order and range.
    const contexts = [
      `region_id=${eur.id}&fields=*variants.calculated_price,%2Bvariants.inventory_quantity`,
      `region_id=${usd.id}&country_code=us`,
      "fields=id,title,handle,*categories",
    ]
    const pages = [
      "limit=5&offset=7",
      "limit=5&offset=7&order=title",
      // A unique column: Medusa adds no tie-breaker to the order asked for, so among products seeded in the same
      // millisecond (created_at) its own order follows the query plan, as the read model's does.
      "order=-title&limit=3",
      `category_id[]=${categories.product_categories[0].id}`,
      `collection_id[]=${collection}&order=handle`,
      `handle=${second.handle}`,
      `id[]=${second.id}&id[]=${first.id}`,
      "limit=5&offset=1000",
    ]
    for (const context of contexts) {
      await forgetCachedCatalog(getContainer())
      // The first page renders every product of the catalog in this context; every later page reuses them.
      const everything = await api.get(`/store/products?limit=100&${context}`, raw)
      expect(everything.headers["x-tienda-read-model"]).toBe(`rendered ${all.products.length}/${all.products.length}`)
      for (const page of pages) {
        const url = `/store/products?${page}&${context}`
        process.env.TIENDA_CATALOG_CACHE = "off"
        const medusa = await api.get(url, raw)
        process.env.TIENDA_CATALOG_CACHE = "on"
        const assembled = await api.get(url, raw)
        const categoriesShown = page.startsWith("category_id") && context.includes("categories")
        expect({ url, via: assembled.headers["x-tienda-read-model"] }).toEqual({ url, via: categoriesShown ? undefined : "hit" })
        // Same products in the same order, then the same content and key order. Medusa does not order a
        // product's tags (a many-to-many join): their order follows the query plan, and differs between two
        // Medusa answers for the same product on different pages; they are compared as sets.
        const [mine, theirs] = [JSON.parse(assembled.data), JSON.parse(medusa.data)].map(withSortedTags)
        expect({ url, ids: mine.products.map((p: any) => p.id) }).toEqual({ url, ids: theirs.products.map((p: any) => p.id) })
        expect({ url, ...mine }).toEqual({ url, ...theirs })
        expect(JSON.stringify(mine) === JSON.stringify(theirs)).toBe(true)
      }
    }
    // A parameter it does not know is Medusa's alone.
    const searched = await api.get(`/store/products?q=shirt&${contexts[0]}`, headers)
    expect(searched.headers["x-tienda-read-model"]).toBeUndefined()
    expect(searched.headers["x-tienda-cache"]).toBe("miss")
  })

  it("builds the read model ahead: after one page of a new context, every other page is assembled", async () => {
    process.env.TIENDA_READ_MODEL_PREBUILD = "on"
    process.env.TIENDA_READ_MODEL_QUIET_MS = "0"
    try {
      const context = "fields=id,title,handle,variants.sku"
      const first = await api.get(`/store/products?limit=2&order=title&${context}`, headers)
      expect(first.headers["x-tienda-read-model"]).toBe("rendered 2/2")
      // The prebuild renders the rest in the background. Each poll asks for another single product: without the
      // prebuild every one of them would be rendered by the poll itself ("rendered 1/1"), never a "hit".
      const answers: string[] = []
      for (let offset = first.data.count - 1; offset >= 2 && !answers.includes("hit"); offset--) {
        await new Promise((resolve) => setTimeout(resolve, 500))
        answers.push((await api.get(`/store/products?limit=1&offset=${offset}&order=title&${context}`, headers)).headers["x-tienda-read-model"])
      }
      expect(answers).toContain("hit")
    } finally {
      process.env.TIENDA_READ_MODEL_PREBUILD = "off"
    }
  })

  it("keys by query, region and publishable key: a different URL is a different answer", async () => {
    const { data } = await api.get("/store/regions", headers)
    const [first, second] = data.regions
    const inFirst = await warm(api, `/store/products?limit=1&region_id=${first.id}&fields=*variants.calculated_price`, headers)
    const inSecond = await api.get(`/store/products?limit=1&fields=*variants.calculated_price&region_id=${second.id}`, headers)
    expect(inSecond.headers["x-tienda-cache"]).toBe("miss")
    expect(inFirst.products[0].variants[0].calculated_price.currency_code).toBe(first.currency_code)
    expect(inSecond.data.products[0].variants[0].calculated_price.currency_code).toBe(second.currency_code)
    // The same parameters in another order are the same answer.
    const reordered = await api.get(`/store/products?fields=*variants.calculated_price&region_id=${first.id}&limit=1`, headers)
    expect(reordered.headers["x-tienda-cache"]).toBe("hit")
    // A request without the key is refused by Medusa, not answered from the cache.
    const noKey = await api.get(`/store/products?limit=1&region_id=${first.id}&fields=*variants.calculated_price`, { validateStatus: () => true })
    expect(noKey.status).toBe(400)
  })

  it("keys a logged-in customer's answers by customer group: group prices reach no one else", async () => {
    const container = getContainer()
    const customerModule = container.resolve(Modules.CUSTOMER)
    const [ana, john] = await Promise.all(
      demoCustomers.customers.slice(0, 2).map(async (c) => (await customerModule.listCustomers({ email: c.email }))[0])
    )
    const group = await customerModule.createCustomerGroups({ name: "VIP" })
    await customerModule.addCustomerToGroup({ customer_id: ana.id, customer_group_id: group.id })
    const { data } = await api.get("/store/regions", headers)
    const region = data.regions.find((r: any) => r.currency_code === "eur")
    const { data: list } = await api.get(`/store/products?limit=1&region_id=${region.id}&fields=variants.id`, headers)
    const variantId = list.products[0].variants[0].id
    await createPriceListsWorkflow(container).run({
      input: {
        price_lists_data: [
          {
            title: "VIP",
            description: "VIP prices",
            status: "active" as any,
            rules: { "customer.groups.id": [group.id] },
            prices: [{ variant_id: variantId, currency_code: "eur", amount: 1.23 }],
          },
        ],
      },
    })
    const login = async (email: string) => {
      const { data: auth } = await api.post("/auth/customer/emailpass", { email, password: demoCustomers.password })
      return { headers: { ...headers.headers, authorization: `Bearer ${auth.token}` } }
    }
    const url = `/store/products?id[]=${list.products[0].id}&region_id=${region.id}&fields=*variants.calculated_price`
    const priceIn = (body: any) => body.products[0].variants.find((v: any) => v.id === variantId).calculated_price.calculated_amount

    const anonymous = await warm(api, url, headers)
    const asAna = await warm(api, url, await login(ana.email))
    const asJohn = await warm(api, url, await login(john.email))
    expect(priceIn(asAna)).toBe(1.23)
    expect(priceIn(anonymous)).not.toBe(1.23)
    expect(priceIn(asJohn)).toBe(priceIn(anonymous))
    const again = await api.get(url, headers)
    expect(again.headers["x-tienda-cache"]).toBe("hit")
    expect(priceIn(again.data)).toBe(priceIn(anonymous))
  })

  it("never caches customer sessions, carts or errors", async () => {
    const { data } = await api.get("/store/regions", headers)
    const withToken = await api.get("/store/regions", { headers: { ...headers.headers, authorization: "Bearer x" }, validateStatus: () => true })
    expect(withToken.headers["x-tienda-cache"]).toBeUndefined()
    const { data: created } = await api.post("/store/carts", { region_id: data.regions[0].id }, headers)
    const cart = await api.get(`/store/carts/${created.cart.id}`, headers)
    expect(cart.headers["x-tienda-cache"]).toBeUndefined()
    for (let i = 0; i < 2; i++) {
      const missing = await api.get("/store/products/prod_does_not_exist", { ...headers, validateStatus: () => true })
      expect(missing.status).toBe(404)
      expect(missing.headers["x-tienda-cache"]).toBe("miss")
    }
    const bad = await api.get("/store/products?limit=0", { ...headers, validateStatus: () => true })
    expect(bad.status).toBe(400)
  })
}
