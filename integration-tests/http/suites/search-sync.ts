import type { RunnerContext } from "../../helpers/test-runner"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import products from "../../../data/products.json"
import { adminHeaders } from "../../helpers/admin"
import { eventually, indexedCount, searchProducts, titles } from "../../helpers/search"
import { publishableKey } from "../../helpers/store"

/** Changes reach search within 5 s (issue 3); each test waits at most that long. */
const SYNC_MS = 5_000
export function searchSyncSuite({ api, getContainer }: RunnerContext): void {
  let store: { headers: Record<string, string> }
  let admin: { headers: Record<string, string> }
  let channelId: string
  let profileId: string
  const search = (body: Record<string, unknown> = {}, headers = store) => searchProducts(api, headers, body)
  const byHandle = (handle: string, headers = store) => search({ filters: { handle } }, headers)
  /** Runs `change`, then waits until `check` passes; returns how long the index took. */
  const synced = async (change: () => Promise<unknown>, check: () => Promise<unknown>) => {
    await change()
    const started = Date.now()
    await eventually(check, SYNC_MS)
    const ms = Date.now() - started
    console.log(`search sync: ${expect.getState().currentTestName} visible after ${ms} ms`)
    return ms
  }
  const graph = (input: any) => (getContainer().resolve(ContainerRegistrationKeys.QUERY) as any).graph(input)
  const newProduct = (handle: string, extra: Record<string, unknown> = {}) =>
    api.post(
      "/admin/products",
      {
        title: "Sashiko Denim Apron",
        handle,
        status: "published",
        shipping_profile_id: profileId,
        sales_channels: [{ id: channelId }],
        options: [{ title: "Size", values: ["One size"] }],
        variants: [
          {
            title: "One size",
            sku: `${handle}-1`,
            manage_inventory: false,
            options: { Size: "One size" },
            prices: [{ currency_code: "eur", amount: 42 }],
          },
        ],
        ...extra,
      },
      admin
    )

  beforeAll(async () => {
    store = { headers: { "x-publishable-api-key": await publishableKey(getContainer()) } }
    await eventually(async () => expect(await indexedCount(getContainer())).toBe(products.length), 30_000)
  })

  beforeEach(async () => {
    admin = await adminHeaders(api)
    channelId = (await api.get("/admin/sales-channels", admin)).data.sales_channels[0].id
    profileId = (await api.get("/admin/shipping-profiles", admin)).data.shipping_profiles[0].id
  })

  it("indexes a created product, follows its updates and forgets it when deleted", async () => {
    let id = ""
    await synced(
      async () => (id = (await newProduct("sashiko-apron")).data.product.id),
      async () => expect(titles(await search({ filters: { q: "sashiko" } }))).toEqual(["Sashiko Denim Apron"])
    )
    await synced(
      () => api.post(`/admin/products/${id}`, { title: "Boro Patchwork Apron" }, admin),
      async () => {
        expect(titles(await search({ filters: { q: "boro patchwork" } }))).toEqual(["Boro Patchwork Apron"])
        expect(titles(await byHandle("sashiko-apron"))).toEqual(["Boro Patchwork Apron"])
      }
    )
    await synced(
      () => api.delete(`/admin/products/${id}`, admin),
      async () => expect((await byHandle("sashiko-apron")).metadata.count).toBe(0)
    )
    expect(await indexedCount(getContainer())).toBe(products.length)
  })

  it("never returns an unpublished product, and drops one that is unpublished", async () => {
    const draft = (await newProduct("draft-apron", { status: "draft" })).data.product
    const published = (await newProduct("live-apron")).data.product
    await eventually(async () => expect((await byHandle("live-apron")).metadata.count).toBe(1), SYNC_MS)
    expect((await byHandle("draft-apron")).metadata.count).toBe(0)
    expect(await indexedCount(getContainer())).toBe(products.length + 1)
    expect(draft.status).toBe("draft")

    await synced(
      () => api.post(`/admin/products/${published.id}`, { status: "draft" }, admin),
      async () => expect(await indexedCount(getContainer())).toBe(products.length)
    )
    expect((await byHandle("live-apron")).metadata.count).toBe(0)
  })

  it("follows variant price changes", async () => {
    const { data } = await api.get("/admin/products?handle=glass-water-carafe&fields=id,variants.id", admin)
    const product = data.products[0]
    await synced(
      () =>
        api.post(
          `/admin/products/${product.id}/variants/${product.variants[0].id}`,
          {
            prices: [
              { currency_code: "eur", amount: 3.5 },
              { currency_code: "usd", amount: 4 },
            ],
          },
          admin
        ),
      async () => expect((await byHandle("glass-water-carafe")).hits[0].document.prices).toEqual({ eur: 3.5, usd: 4 })
    )
    const cheapest = await search({ pagination: { take: 1, order: { "prices.eur": "ASC" } } })
    expect(cheapest.hits[0].document.handle).toBe("glass-water-carafe")
  })

  it("follows category and collection renames", async () => {
    const { data: cats } = await api.get("/admin/product-categories?handle=decor", admin)
    await synced(
      () => api.post(`/admin/product-categories/${cats.product_categories[0].id}`, { name: "Home Decor" }, admin),
      async () => expect((await byHandle("soy-wax-candle")).hits[0].document.categories).toEqual(["Home Decor"])
    )
    const { data: cols } = await api.get("/admin/collections?handle=slow-living", admin)
    await synced(
      () => api.post(`/admin/collections/${cols.collections[0].id}`, { title: "Slow Home" }, admin),
      async () => expect((await byHandle("soy-wax-candle")).hits[0].document.collection).toBe("Slow Home")
    )
  })

  it("shows only categories Medusa's store API shows: an internal or inactive one is in no document, facet or match", async () => {
    const categoryOf = async (handle: string) =>
      (await api.get(`/admin/product-categories?handle=${handle}`, admin)).data.product_categories[0]
    const [decor, bags] = await Promise.all([categoryOf("decor"), categoryOf("bags")])
    const hidden = [
      { category: decor, change: { name: "Zebra Staff Picks", is_internal: true }, product: "soy-wax-candle" },
      {
        category: bags,
        change: { name: "Okapi Spring Launch", is_active: false },
        product: products.find((p) => p.categories.includes("bags"))!.handle,
      },
    ]
    for (const { category, change, product } of hidden) {
      await synced(
        () => api.post(`/admin/product-categories/${category.id}`, change, admin),
        async () => expect((await byHandle(product)).hits[0].document.category_ids).not.toContain(category.id)
      )
    }
    // Medusa's store API hides both categories; so does every part of the index.
    const { data: storeCategories } = await api.get("/store/product-categories?limit=100", store)
    const names = storeCategories.product_categories.map((c: any) => c.name)
    expect(names).not.toEqual(expect.arrayContaining(["Zebra Staff Picks"]))
    expect(names).not.toEqual(expect.arrayContaining(["Okapi Spring Launch"]))
    const everything = await search({
      pagination: { take: 100 },
      search_options: {
        facets: [
          { field: "categories", limit: 50 },
          { field: "category_ids", limit: 50 },
        ],
      },
    })
    // Their products are still listed (Medusa lists them too), without those categories.
    expect(everything.metadata.count).toBe(products.length)
    const shown = JSON.stringify([everything.hits.map((hit) => hit.document), everything.facets])
    for (const { category, change } of hidden) {
      expect({ leaked: shown.includes(category.id) || shown.includes(change.name) }).toEqual({ leaked: false })
      expect((await search({ filters: { category_ids: category.id } })).metadata.count).toBe(0)
      expect((await search({ filters: { categories: change.name } })).metadata.count).toBe(0)
    }
    for (const q of ["zebra", "okapi"]) {
      expect({
        q,
        count: (await search({ filters: { q }, search_options: { typo_tolerance: false } })).metadata.count,
      }).toEqual({ q, count: 0 })
    }
  })

  it("follows stock: a product with no stock left drops out of in_stock", async () => {
    const { data } = await graph({
      entity: "product",
      fields: [
        "id",
        "variants.inventory_items.inventory.id",
        "variants.inventory_items.inventory.location_levels.location_id",
      ],
      filters: { handle: "glass-water-carafe" },
    })
    const items = data[0].variants.flatMap((variant: any) => variant.inventory_items.map((link: any) => link.inventory))
    expect(items.length).toBeGreaterThan(0)
    const inStock = () => search({ filters: { handle: "glass-water-carafe", in_stock: true } })
    expect((await inStock()).metadata.count).toBe(1)
    await synced(
      () =>
        Promise.all(
          items.flatMap((item: any) =>
            item.location_levels.map((level: any) =>
              api.post(
                `/admin/inventory-items/${item.id}/location-levels/${level.location_id}`,
                { stocked_quantity: 0 },
                admin
              )
            )
          )
        ),
      async () => {
        expect((await inStock()).metadata.count).toBe(0)
        expect((await search({ filters: { handle: "glass-water-carafe", in_stock: false } })).metadata.count).toBe(1)
      }
    )
  })

  it("keeps each sales channel's products to its own publishable key", async () => {
    const { data: channel } = await api.post("/admin/sales-channels", { name: "Wholesale" }, admin)
    const { data: key } = await api.post(
      "/admin/api-keys",
      { title: "Wholesale storefront", type: "publishable" },
      admin
    )
    await api.post(`/admin/api-keys/${key.api_key.id}/sales-channels`, { add: [channel.sales_channel.id] }, admin)
    const wholesale = { headers: { "x-publishable-api-key": key.api_key.token } }
    channelId = channel.sales_channel.id
    await newProduct("wholesale-apron")

    await eventually(async () => expect(titles(await search({}, wholesale))).toEqual(["Sashiko Denim Apron"]), SYNC_MS)
    expect((await byHandle("wholesale-apron")).metadata.count).toBe(0)
    expect((await search({ pagination: { take: 0 } })).metadata.count).toBe(products.length)
    expect((await search({ filters: { sales_channel_ids: channel.sales_channel.id } })).metadata.count).toBe(0)
  })
}
