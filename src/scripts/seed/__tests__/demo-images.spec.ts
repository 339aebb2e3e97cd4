import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import type { MedusaContainer } from "@medusajs/framework/types"
import { demoThumbnailsByFamily, readDemoImages } from "../demo-images"
import { loadDemoData } from "../load-data"
import { FAMILIES } from "../synthetic-vocabulary"

const { products } = loadDemoData()

describe("the seed's product images", () => {
  it("reads every product's image from data/images", () => {
    const images = readDemoImages(products)!
    expect([...images.keys()].sort()).toEqual(products.map((p) => p.handle).sort())
    expect(images.get(products[0].handle)!.subarray(1, 4).toString("ascii")).toBe("PNG")
  })

  it("stops the seed, naming the file, when a product has no image", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tienda-demo-images-"))
    try {
      fs.writeFileSync(path.join(dir, `${products[0].handle}.png`), "png")
      expect(() => readDemoImages(products.slice(0, 2), dir)).toThrow(`no image for ${products[1].handle}.png`)
      expect(readDemoImages(products.slice(0, 1), dir)!.size).toBe(1)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it("seeds without images when there is no image folder at all", () => {
    expect(readDemoImages(products, path.join(os.tmpdir(), "tienda-no-such-folder"))).toBeUndefined()
  })

  it("gives every synthetic family a demo product's thumbnail of its category and type", async () => {
    const container = {
      resolve: () => ({
        listProducts: async (filter: { handle: string[] }) =>
          filter.handle.map((handle) => ({
            handle,
            thumbnail: `https://cdn.test/static/${handle}-0123456789abcdef.png`,
          })),
      }),
    } as unknown as MedusaContainer
    const thumbnailFor = await demoThumbnailsByFamily(container, products)
    for (const family of FAMILIES) {
      const handles = products
        .filter((p) => p.type === family.type && p.categories.includes(family.category))
        .map((p) => `https://cdn.test/static/${p.handle}-0123456789abcdef.png`)
      expect(handles.length).toBeGreaterThan(0)
      expect(handles).toContain(thumbnailFor(family, 7))
    }
    const none = { resolve: () => ({ listProducts: async () => [] }) } as unknown as MedusaContainer
    expect((await demoThumbnailsByFamily(none, products))(FAMILIES[0], 1)).toBeUndefined()
  })
})
