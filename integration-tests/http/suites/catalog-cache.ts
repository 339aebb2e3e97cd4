import type { RunnerContext } from "../../helpers/test-runner"
import { Modules } from "@medusajs/framework/utils"
import { createPriceListsWorkflow } from "@medusajs/medusa/core-flows"
import demoCustomers from "../../../data/customers.json"
import { forgetCachedCatalog, warm } from "../../helpers/catalog-cache"
import { publishableKey } from "../../helpers/store"
import { adminHeaders } from "../../helpers/admin"
import { setAppEnv } from "../../helpers/app-env"

type ProductList = { products: Array<{ id: string; tags?: Array<{ id: string }> }>; count: number }

/**
 * Medusa does not order a product's tags (a many-to-many join): their order follows the query plan, and differs
 * between two Medusa answers for the same product on different pages; they are compared as sets.
 */
function withSortedTags(body: ProductList): ProductList {
  for (const product of body.products) {
    product.tags?.sort((a, b) => (a.id < b.id ? -1 : 1))
  }
  return body
}

/** One URL answered by Medusa (Tienda's cache off) and then by Tienda, both parsed. */
async function medusaThenTienda(api: any, url: string, raw: object) {
  setAppEnv({ TIENDA_CATALOG_CACHE: "off" })
  const medusa = await api.get(url, raw)
  setAppEnv({ TIENDA_CATALOG_CACHE: "on" })
  const tienda = await api.get(url, raw)
  const [mine, theirs] = [JSON.parse(tienda.data), JSON.parse(medusa.data)].map(withSortedTags)
  return { via: tienda.headers["x-tienda-read-model"], status: tienda.status, mine, theirs }
}

/** A one-variant product (EUR 10) through the admin API, in these sales channels. */
async function createProduct(api: any, admin: object, title: string, status: string, channels: string[]) {
  const { data } = await api.post(
    "/admin/products",
    {
      title,
      status,
      options: [{ title: "Size", values: ["One"] }],
      variants: [{ title: "One", options: { Size: "One" }, prices: [{ amount: 10, currency_code: "eur" }] }],
      sales_channels: channels.map((id) => ({ id })),
    },
    admin
  )
  return data.product
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
      setAppEnv({ TIENDA_CATALOG_CACHE: "off" })
      const uncached = await api.get(url, headers)
      setAppEnv({ TIENDA_CATALOG_CACHE: "on" })
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
        const { via, mine, theirs } = await medusaThenTienda(api, url, raw)
        const categoriesShown = page.startsWith("category_id") && context.includes("categories")
        // The first page of a context taught the fast path its rendering key: every page after it skips Medusa's
        // middlewares (see src/lib/catalog-cache/fast-path/).
        expect({ url, via }).toEqual({ url, via: categoriesShown ? undefined : "fast" })
        // Same products in the same order, then the same content and key order (tags as sets).
        expect({ url, ids: mine.products.map((p: any) => p.id) }).toEqual({
          url,
          ids: theirs.products.map((p: any) => p.id),
        })
        expect({ url, ...mine }).toEqual({ url, ...theirs })
        expect(JSON.stringify(mine) === JSON.stringify(theirs)).toBe(true)
      }
    }
    // A parameter it does not know is Medusa's alone.
    const searched = await api.get(`/store/products?q=shirt&${contexts[0]}`, headers)
    expect(searched.headers["x-tienda-read-model"]).toBeUndefined()
    expect(searched.headers["x-tienda-cache"]).toBe("miss")
  })

  it("answers pages before Medusa's middlewares (fast path) exactly as Medusa: channels, drafts, deleted categories, every filter and order", async () => {
    const container = getContainer()
    const admin = await adminHeaders(api)
    const raw = { ...headers, transformResponse: (body: string) => body }
    const { data: regions } = await api.get("/store/regions", headers)
    const eur = regions.regions.find((r: any) => r.currency_code === "eur")
    // A second sales channel makes Medusa filter by the key's channels; it gets a product of its own.
    const { data: channel } = await api.post("/admin/sales-channels", { name: "Wholesale" }, admin)
    const make = (title: string, status: string, channels: string[]) =>
      createProduct(api, admin, title, status, channels)
    const webChannel = (await api.get("/admin/stores", admin)).data.stores[0].default_sales_channel_id
    await make("Wholesale Only Crate", "published", [channel.sales_channel.id])
    await make("Draft Lamp", "draft", [webChannel])
    // A deleted category and a deleted tag that still have products: filtering by them answers as Medusa does.
    const { data: categories } = await api.get("/admin/product-categories?limit=100&fields=id,products.id", admin)
    const doomed = categories.product_categories.find((c: any) => c.products?.length)
    await api.delete(`/admin/product-categories/${doomed.id}`, admin)
    const { data: tags } = await api.get("/admin/product-tags?limit=2&order=value", admin)
    await api.delete(`/admin/product-tags/${tags.product_tags[1].id}`, admin)
    const { data: types } = await api.get("/admin/product-types?limit=1", admin)
    const { data: all } = await api.get("/store/products?limit=100&fields=id,handle,title,collection_id", headers)
    const [first, second, third] = all.products
    expect(all.products.map((p: any) => p.title)).not.toContain("Wholesale Only Crate")

    const context = `region_id=${eur.id}&fields=*variants.calculated_price,%2Bvariants.inventory_quantity`
    const pages = [
      "",
      "limit=7&offset=3&order=-id",
      "limit=4&offset=2&order=-handle",
      "limit=6&offset=1&order=title",
      `limit=2&offset=${all.count - 1}`,
      `category_id[]=${doomed.id}`,
      `category_id=${doomed.id}&category_id=${categories.product_categories.find((c: any) => c.id !== doomed.id).id}&order=title`,
      `tag_id[]=${tags.product_tags[0].id}&limit=5`,
      `tag_id[]=${tags.product_tags[1].id}`,
      `type_id=${types.product_types[0].id}`,
      "is_giftcard=false&limit=3&offset=5",
      "is_giftcard=true",
      `title=${encodeURIComponent(third.title)}`,
      `handle[]=${first.handle}&handle[]=${second.handle}&order=-title`,
      `id=${second.id}`,
      "handle=no-such-product",
    ]
    await forgetCachedCatalog(container)
    // The first page of the context goes through Medusa and teaches the fast path its rendering key.
    expect((await api.get(`/store/products?limit=100&${context}`, raw)).headers["x-tienda-read-model"]).toMatch(
      /^rendered /
    )
    for (const page of pages) {
      const url = `/store/products?${page}&${context}`
      const { via, status, mine, theirs } = await medusaThenTienda(api, url, raw)
      expect({ url, via, status }).toEqual({ url, via: "fast", status: 200 })
      expect({ url, ids: mine.products.map((p) => p.id), count: mine.count }).toEqual({
        url,
        ids: theirs.products.map((p) => p.id),
        count: theirs.count,
      })
      expect({ url, ...mine }).toEqual({ url, ...theirs })
    }
    // Ties of created_at (products seeded in one batch) are ordered by id here; Medusa leaves them to the query
    // plan. The pages are still in created_at order, and together they are exactly Medusa's products.
    const byDate: any[] = []
    await api.get("/store/products?limit=100&fields=id,created_at", headers)
    for (let offset = 0; offset < all.count; offset += 10) {
      const page = await api.get(
        `/store/products?limit=10&offset=${offset}&order=-created_at&fields=id,created_at`,
        headers
      )
      expect(page.headers["x-tienda-read-model"]).toBe("fast")
      byDate.push(...page.data.products)
    }
    const dates = byDate.map((p) => Date.parse(p.created_at))
    expect(dates).toEqual([...dates].sort((a, b) => b - a))
    expect(byDate.map((p) => p.id).sort()).toEqual(all.products.map((p: any) => p.id).sort())
    // What it does not parse strictly is Medusa's, errors included.
    for (const [url, status] of [
      [`/store/products?limit=abc&${context}`, 400],
      [`/store/products?limit=5&limit=6&${context}`, 400],
      [`/store/products?order=nonsense&${context}`, 400],
      [`/store/products?sales_channel_id[]=${channel.sales_channel.id}&${context}`, 400],
      [`/store/products?id[0]=${first.id}&${context}`, 200],
    ] as const) {
      const answer = await api.get(url, { ...headers, validateStatus: () => true })
      expect({ url, status: answer.status, via: answer.headers["x-tienda-read-model"] }).toEqual({
        url,
        status,
        via: status === 200 ? expect.stringMatching(/^(hit|rendered)/) : undefined,
      })
    }
  })

  // Medusa 2.21.2's route means to filter by public categories only and does not (see store-category-filter.ts): the
  // route compared against here is Medusa's with that rule applied, and what it answers is spelled out at the end.
  it("filters by category exactly as the store route: internal and inactive categories select nothing", async () => {
    const admin = await adminHeaders(api)
    const raw = { ...headers, transformResponse: (body: string) => body, validateStatus: () => true }
    const { data: regions } = await api.get("/store/regions", headers)
    const eur = regions.regions.find((r: any) => r.currency_code === "eur")
    const webChannel = (await api.get("/admin/stores", admin)).data.stores[0].default_sales_channel_id
    const { data: categories } = await api.get("/admin/product-categories?limit=100&fields=id,products.id", admin)
    const [internal, inactive, plain] = categories.product_categories.filter((c: any) => c.products?.length)
    await api.post(`/admin/product-categories/${internal.id}`, { is_internal: true }, admin)
    await api.post(`/admin/product-categories/${inactive.id}`, { is_active: false }, admin)
    // A product whose only category is internal: listed (Medusa lists it), but no category filter selects it.
    const { data: staff } = await api.post(
      "/admin/product-categories",
      { name: "Staff Picks", is_internal: true },
      admin
    )
    const hidden = await createProduct(api, admin, "Staff Only Crate", "published", [webChannel])
    await api.post(`/admin/product-categories/${staff.product_category.id}/products`, { add: [hidden.id] }, admin)

    const context = `region_id=${eur.id}&fields=*variants.calculated_price,%2Bvariants.inventory_quantity`
    await forgetCachedCatalog(getContainer())
    expect((await api.get(`/store/products?limit=100&${context}`, raw)).headers["x-tienda-read-model"]).toMatch(
      /^rendered /
    )
    const pages = [
      "limit=60",
      `category_id=${internal.id}`,
      `category_id[]=${inactive.id}`,
      `category_id[]=${staff.product_category.id}`,
      `category_id=${internal.id}&category_id=${plain.id}`,
      `category_id[]=${inactive.id}&category_id[]=${plain.id}&category_id[]=${staff.product_category.id}&order=title`,
    ]
    for (const page of pages) {
      const url = `/store/products?${page}&${context}`
      const { via, status, mine, theirs } = await medusaThenTienda(api, url, raw)
      expect({ url, via, status }).toEqual({ url, via: "fast", status: 200 })
      expect({ url, ids: mine.products.map((p) => p.id), count: mine.count }).toEqual({
        url,
        ids: theirs.products.map((p) => p.id),
        count: theirs.count,
      })
      expect({ url, ...mine }).toEqual({ url, ...theirs })
    }
    // A product page by id: Medusa's retrieve route drops internal categories only; an inactive one it shows (as
    // `{"is_internal":false}`), and so does the fast path. A product in an internal category is Medusa's to answer.
    const inInactiveOnly = inactive.products.find((p: any) => !internal.products.some((q: any) => q.id === p.id)).id
    for (const [id, expected] of [
      [inInactiveOnly, "fast"],
      [hidden.id, undefined],
    ]) {
      const url = `/store/products/${id}?${context}`
      setAppEnv({ TIENDA_CATALOG_CACHE: "off" })
      const medusa = await api.get(url, raw)
      setAppEnv({ TIENDA_CATALOG_CACHE: "on" })
      const tienda = await api.get(url, raw)
      const [mine, theirs] = [tienda, medusa].map((answer) => {
        const body = JSON.parse(answer.data)
        body.product?.tags?.sort((a: any, b: any) => (a.id < b.id ? -1 : 1))
        return { status: answer.status, body }
      })
      expect({ url, via: tienda.headers["x-tienda-read-model"], ...mine }).toEqual({ url, via: expected, ...theirs })
    }
    // What the route answers (cache off), spelled out: internal and inactive categories select nothing, others theirs.
    const idsOf = async (page: string) => {
      setAppEnv({ TIENDA_CATALOG_CACHE: "off" })
      try {
        return (await api.get(`/store/products?${page}&fields=id`, headers)).data.products.map((p: any) => p.id)
      } finally {
        setAppEnv({ TIENDA_CATALOG_CACHE: "on" })
      }
    }
    expect(await idsOf(`category_id=${internal.id}`)).toEqual([])
    expect(await idsOf(`category_id=${inactive.id}`)).toEqual([])
    expect(await idsOf(`category_id=${staff.product_category.id}`)).toEqual([])
    expect((await idsOf(`category_id=${plain.id}`)).length).toBe(plain.products.length)
    expect(await idsOf("limit=100")).toContain(hidden.id)
  })

  it("answers product pages by id before Medusa's middlewares exactly as Medusa, and leaves to Medusa what differs", async () => {
    const admin = await adminHeaders(api)
    const raw = { ...headers, transformResponse: (body: string) => body, validateStatus: () => true }
    const { data: regions } = await api.get("/store/regions", headers)
    const eur = regions.regions.find((r: any) => r.currency_code === "eur")
    const webChannel = (await api.get("/admin/stores", admin)).data.stores[0].default_sales_channel_id
    const make = (title: string, status: string, channels: string[]) =>
      createProduct(api, admin, title, status, channels)
    const uncategorised = await make("Plain Crate", "published", [webChannel])
    const draft = await make("Draft Lamp", "draft", [webChannel])
    // In no channel: a one-channel store lists it (no channel filter), but the retrieve route filters by channel.
    const orphan = await make("Channel-less Stool", "published", [])
    const { data: categories } = await api.get("/admin/product-categories?limit=100&fields=id,products.id", admin)
    const internal = categories.product_categories.find((c: any) => c.products?.length)
    await api.post(`/admin/product-categories/${internal.id}`, { is_internal: true }, admin)
    const inInternal = internal.products[0].id
    const { data: all } = await api.get("/store/products?limit=100&fields=id", headers)
    const made = [uncategorised.id, draft.id, orphan.id]
    const plain = all.products
      .map((p: any) => p.id)
      .filter((id: string) => !made.includes(id) && !internal.products.some((p: any) => p.id === id))

    /** Medusa's answer (Tienda's cache off), then Tienda's: same status and body, and how Tienda answered. */
    async function compare(url: string, expected: string | undefined) {
      setAppEnv({ TIENDA_CATALOG_CACHE: "off" })
      const medusa = await api.get(url, raw)
      setAppEnv({ TIENDA_CATALOG_CACHE: "on" })
      const tienda = await api.get(url, raw)
      const [mine, theirs] = [tienda, medusa].map((answer) => {
        const body = JSON.parse(answer.data)
        body.product?.tags?.sort((a: any, b: any) => (a.id < b.id ? -1 : 1))
        return { status: answer.status, body }
      })
      expect({ url, via: tienda.headers["x-tienda-read-model"] }).toEqual({ url, via: expected })
      expect({ url, ...mine }).toEqual({ url, ...theirs })
    }
    /** A list page of the context teaches the fast path its rendering key and renders the documents. */
    async function teach(context: string) {
      await forgetCachedCatalog(getContainer())
      expect((await api.get(`/store/products?limit=100&${context}`, raw)).headers["x-tienda-read-model"]).toMatch(
        /^rendered /
      )
    }

    for (const context of [
      `region_id=${eur.id}&fields=*variants.calculated_price,%2Bvariants.inventory_quantity`,
      `region_id=${eur.id}`,
    ]) {
      await teach(context)
      for (const id of [plain[0], plain[1], plain[plain.length - 1], uncategorised.id]) {
        await compare(`/store/products/${id}?${context}`, "fast")
      }
      for (const id of [inInternal, draft.id, orphan.id, "prod_does_not_exist"]) {
        await compare(`/store/products/${id}?${context}`, undefined)
      }
    }
    // What the path knows of a product (channels, categories) is kept per catalog generation: a product moved into the
    // internal category after it was served is Medusa's on the next request.
    const moved = plain[2]
    await compare(`/store/products/${moved}?region_id=${eur.id}`, "fast")
    await api.post(`/admin/product-categories/${internal.id}/products`, { add: [moved] }, admin)
    await teach(`region_id=${eur.id}`)
    await compare(`/store/products/${moved}?region_id=${eur.id}`, undefined)
    // A list parameter, or fields that show categories, go to Medusa (it filters, or drops internal categories, there).
    for (const query of [`region_id=${eur.id}&q=nothing-matches`, `region_id=${eur.id}&fields=*categories`]) {
      await compare(`/store/products/${plain[0]}?${query}`, undefined)
    }
    // With a second channel, a product of the other channel is Medusa's 404 too.
    const { data: channel } = await api.post("/admin/sales-channels", { name: "Wholesale" }, admin)
    const wholesale = await make("Wholesale Only Crate", "published", [channel.sales_channel.id])
    await teach(`region_id=${eur.id}`)
    await compare(`/store/products/${plain[0]}?region_id=${eur.id}`, "fast")
    await compare(`/store/products/${wholesale.id}?region_id=${eur.id}`, undefined)
  })

  it("builds the read model ahead: after one page of a new context, every other page is assembled", async () => {
    setAppEnv({ TIENDA_READ_MODEL_PREBUILD: "on", TIENDA_READ_MODEL_QUIET_MS: "0" })
    try {
      const context = "fields=id,title,handle,variants.sku"
      // A context is built ahead only once storefront traffic has asked for several distinct pages of it (one
      // request never renders the whole catalog: src/lib/catalog-cache/prebuild/admission.ts).
      let first: any
      for (let offset = 0; offset < 10; offset += 2) {
        first = await api.get(`/store/products?limit=2&offset=${offset}&order=title&${context}`, headers)
        expect(first.headers["x-tienda-read-model"]).toBe("rendered 2/2")
      }
      // The prebuild renders the rest in the background. Each poll asks for another single product: without the
      // prebuild every one of them would be rendered by the poll itself ("rendered 1/1"), never found ready: the
      // fast path answers a page only when all its documents exist.
      const answers: string[] = []
      for (let offset = first.data.count - 1; offset >= 10 && !answers.includes("hit"); offset--) {
        await new Promise((resolve) => setTimeout(resolve, 500))
        answers.push(
          (await api.get(`/store/products?limit=1&offset=${offset}&order=title&${context}`, headers)).headers[
            "x-tienda-read-model"
          ]
        )
      }
      expect(answers).toContain("fast")
    } finally {
      setAppEnv({ TIENDA_READ_MODEL_PREBUILD: "off" })
    }
  })

  it("ignores a client's x-tienda-prebuild header: the request is cached and answered like any other", async () => {
    const { data } = await api.get("/store/regions", headers)
    for (const value of ["1", "true", "x".repeat(43)]) {
      const withHeader = { headers: { ...headers.headers, "x-tienda-prebuild": value } }
      for (const url of ["/store/regions", `/store/products?limit=3&region_id=${data.regions[0].id}`]) {
        await forgetCachedCatalog(getContainer())
        const first = await api.get(url, withHeader)
        const second = await api.get(url, withHeader)
        expect({ url, value, first: first.headers["x-tienda-cache"] }).toEqual({ url, value, first: "miss" })
        // A fast-path answer is cached on its URL's second sighting; anything else at once.
        const third = first.headers["x-tienda-read-model"] === "fast" ? await api.get(url, withHeader) : second
        expect({ url, value, cache: third.headers["x-tienda-cache"] }).toEqual({ url, value, cache: "hit" })
        expect(third.data).toEqual(first.data)
      }
    }
  })

  it("answers only the canonical spelling itself: /store/PRODUCTS, /store/products/ and the like are Medusa's", async () => {
    const raw = { ...headers, transformResponse: (body: string) => body, validateStatus: () => true }
    const { data: regions } = await api.get("/store/regions", headers)
    const context = `region_id=${regions.regions[0].id}&fields=*variants.calculated_price`
    await forgetCachedCatalog(getContainer())
    const taught = await api.get(`/store/products?limit=100&${context}`, raw)
    expect(taught.headers["x-tienda-read-model"]).toMatch(/^rendered /)
    const id = JSON.parse(taught.data).products[0].id
    // The canonical spelling takes the fast path (the control: the others would too, if they were recognised).
    const canonical = await api.get(`/store/products?limit=5&${context}`, raw)
    expect(canonical.headers["x-tienda-read-model"]).toBe("fast")
    for (const url of [
      `/store/PRODUCTS?limit=5&${context}`,
      `/store/products/?limit=5&${context}`,
      `/Store/Products/?limit=5&order=title&${context}`,
      `/store/PRODUCTS/${id}?${context}`,
      `/store/products/${id}/?${context}`,
      "/store/REGIONS",
      "/store/regions/",
      "/store/Product-Categories?limit=50",
    ]) {
      for (let i = 0; i < 2; i++) {
        setAppEnv({ TIENDA_CATALOG_CACHE: "off" })
        const medusa = await api.get(url, raw)
        setAppEnv({ TIENDA_CATALOG_CACHE: "on" })
        const tienda = await api.get(url, raw)
        expect({ url, status: medusa.status }).toEqual({ url, status: 200 })
        expect({ url, cache: tienda.headers["x-tienda-cache"], via: tienda.headers["x-tienda-read-model"] }).toEqual({
          url,
          cache: undefined,
          via: undefined,
        })
        // Tags as sets (Medusa does not order them; see withSortedTags).
        const body = (answer: { data: string }) => {
          const parsed = JSON.parse(answer.data)
          for (const product of [...(parsed.products ?? []), ...(parsed.product ? [parsed.product] : [])]) {
            product.tags?.sort((a: any, b: any) => (a.id < b.id ? -1 : 1))
          }
          return parsed
        }
        expect({ url, status: tienda.status, body: body(tienda) }).toEqual({
          url,
          status: medusa.status,
          body: body(medusa),
        })
      }
    }
  })

  it("keys by query, region and publishable key: a different URL is a different answer", async () => {
    const { data } = await api.get("/store/regions", headers)
    const [first, second] = data.regions
    const inFirst = await warm(
      api,
      `/store/products?limit=1&region_id=${first.id}&fields=*variants.calculated_price`,
      headers
    )
    const inSecond = await api.get(
      `/store/products?limit=1&fields=*variants.calculated_price&region_id=${second.id}`,
      headers
    )
    expect(inSecond.headers["x-tienda-cache"]).toBe("miss")
    expect(inFirst.products[0].variants[0].calculated_price.currency_code).toBe(first.currency_code)
    expect(inSecond.data.products[0].variants[0].calculated_price.currency_code).toBe(second.currency_code)
    // The same parameters in another order are the same answer.
    const reordered = await api.get(
      `/store/products?fields=*variants.calculated_price&region_id=${first.id}&limit=1`,
      headers
    )
    expect(reordered.headers["x-tienda-cache"]).toBe("hit")
    // A request without the key is refused by Medusa, not answered from the cache.
    const noKey = await api.get(`/store/products?limit=1&region_id=${first.id}&fields=*variants.calculated_price`, {
      validateStatus: () => true,
    })
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
            status: "active",
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
    const priceIn = (body: any) =>
      body.products[0].variants.find((v: any) => v.id === variantId).calculated_price.calculated_amount

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
    const withToken = await api.get("/store/regions", {
      headers: { ...headers.headers, authorization: "Bearer x" },
      validateStatus: () => true,
    })
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
