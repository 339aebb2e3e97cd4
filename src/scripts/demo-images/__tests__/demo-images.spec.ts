import { createHash } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import products from "../../../../data/products.json"
import { demoImageFile, demoImagesDir } from "../../seed/demo-images"
import type { ProductData } from "../../seed/types"
import { IMAGE_WIDTH, renderProductImage } from "../illustrations"
import { decodePng, encodePng } from "../png"

const catalog = products as ProductData[]
const dir = demoImagesDir()

describe("the demo catalog's images (data/images)", () => {
  it("are one PNG per product, nothing else, distinct, 600×750, under 1 MB together", () => {
    const pngs = fs.readdirSync(dir).filter((name) => name.endsWith(".png"))
    expect(pngs.sort()).toEqual(catalog.map((p) => demoImageFile(p.handle)).sort())
    const hashes = new Set<string>()
    let bytes = 0
    for (const name of pngs) {
      const file = fs.readFileSync(path.join(dir, name))
      // The PNG header's width and height (the pixels are compared below, for a sample).
      expect([name, file.readUInt32BE(16), file.readUInt32BE(20)]).toEqual([name, IMAGE_WIDTH, (IMAGE_WIDTH * 5) / 4])
      hashes.add(createHash("sha256").update(file).digest("hex"))
      bytes += file.length
    }
    expect(hashes.size).toBe(pngs.length)
    expect(bytes).toBeLessThan(1024 * 1024)
  })

  it("are what the generator draws (regenerate with src/scripts/demo-images/generate.ts)", () => {
    // A garment, an accessory and a home product (drawings/*.ts); drawing all 49 takes too long for a unit test.
    const sample = ["breton-stripe-long-sleeve-tee", "leather-belt", "stoneware-mug"].map((handle) =>
      catalog.find((p) => p.handle === handle)!
    )
    for (const product of sample) {
      const stored = decodePng(fs.readFileSync(path.join(dir, demoImageFile(product.handle))))
      const drawn = renderProductImage(product)
      expect([product.handle, Buffer.from(stored.pixels).equals(Buffer.from(drawn.pixels))]).toEqual([
        product.handle,
        true,
      ])
    }
  })
})

describe("the PNG writer", () => {
  it("writes what it reads back, pixel for pixel, for every row filter", () => {
    const width = 37
    const height = 23
    const pixels = new Uint8Array(width * height * 3)
    let seed = 1
    for (let i = 0; i < pixels.length; i++) {
      seed = (seed * 48271) % 2147483647
      // Flat runs, gradients and noise, so every filter wins some row.
      pixels[i] = i % 5 === 0 ? seed & 0xff : Math.floor(i / (width * 3)) * 9 + (i % 7)
    }
    const png = encodePng({ width, height, pixels })
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG")
    expect(Buffer.from(decodePng(png).pixels).equals(Buffer.from(pixels))).toBe(true)
  })
})
