import { sharedShop } from "../helpers/shared-shop"

/**
 * The demo images on a shop as `tienda start` runs it (the production build in .medusa/server, its own state
 * folder): every demo product has its thumbnail, stored through the File Module under its content hash, and served
 * from the shop with a year-long immutable Cache-Control; an admin upload is served the same way.
 */
jest.setTimeout(5 * 60_000)

describe("product images on a started shop", () => {
  it("serves every demo product's thumbnail as an immutable PNG, and an admin upload the same way", async () => {
    const shop = await sharedShop()
    const store = { "x-publishable-api-key": shop.publishableKey }
    const response = await fetch(`${shop.base}/store/products?limit=100&fields=handle,thumbnail`, { headers: store })
    const { products } = (await response.json()) as { products: { handle: string; thumbnail: string | null }[] }
    const demo = products.filter((p) => !p.handle.startsWith("synthetic-"))
    expect(demo.length).toBeGreaterThanOrEqual(40)
    expect(demo.filter((p) => !p.thumbnail).map((p) => p.handle)).toEqual([])
    for (const product of demo.slice(0, 5)) {
      const url = new URL(product.thumbnail!)
      expect(url.pathname).toMatch(new RegExp(`^/static/${product.handle}-[0-9a-f]{16}\\.png$`))
      const image = await fetch(`${shop.base}${url.pathname}`)
      expect(image.status).toBe(200)
      expect(image.headers.get("content-type")).toBe("image/png")
      expect(image.headers.get("cache-control")).toBe("public, max-age=31536000, immutable")
      const bytes = Buffer.from(await image.arrayBuffer())
      expect(bytes.subarray(1, 4).toString()).toBe("PNG")
    }

    const form = new FormData()
    const bytes = Buffer.from(`e2e upload ${Date.now()}`)
    form.append("files", new Blob([bytes], { type: "text/plain" }), "note.txt")
    const uploaded = await fetch(`${shop.base}/admin/uploads`, {
      method: "POST",
      headers: await shop.adminHeaders(),
      body: form,
    })
    expect(uploaded.status).toBe(200)
    const { files } = (await uploaded.json()) as { files: { url: string }[] }
    const served = await fetch(`${shop.base}${new URL(files[0].url).pathname}`)
    expect(served.status).toBe(200)
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable")
    expect(Buffer.from(await served.arrayBuffer())).toEqual(bytes)
  })
})
