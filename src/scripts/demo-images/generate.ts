/**
 * Draws the demo catalog's product images: data/images/<handle>.png for every product of data/products.json.
 *
 *   npx tsx src/scripts/demo-images/generate.ts
 *
 * Deterministic: the same data gives the same pixels. A file whose pixels are already right is left as it is (another
 * zlib may pack the same pixels into other bytes, and other bytes mean another URL once stored); files of products
 * no longer in the data are deleted.
 */
import fs from "node:fs"
import path from "node:path"
import products from "../../../data/products.json"
import { demoImageFile, demoImagesDir } from "../seed/demo-images"
import type { ProductData } from "../seed/types"
import { renderProductImage } from "./illustrations"
import { decodePng, encodePng, type RgbImage } from "./png"

const samePixels = (a: RgbImage, b: RgbImage) =>
  a.width === b.width && a.height === b.height && Buffer.from(a.pixels).equals(Buffer.from(b.pixels))

function unchanged(file: string, image: RgbImage): boolean {
  try {
    return samePixels(decodePng(fs.readFileSync(file)), image)
  } catch {
    return false
  }
}

function main(): void {
  const dir = demoImagesDir()
  fs.mkdirSync(dir, { recursive: true })
  const wanted = new Set<string>()
  let written = 0
  let bytes = 0
  for (const product of products as ProductData[]) {
    const file = path.join(dir, demoImageFile(product.handle))
    wanted.add(path.basename(file))
    const image = renderProductImage(product)
    if (!unchanged(file, image)) {
      fs.writeFileSync(file, encodePng(image))
      written++
    }
    bytes += fs.statSync(file).size
  }
  const stale = fs.readdirSync(dir).filter((name) => name.endsWith(".png") && !wanted.has(name))
  stale.forEach((name) => fs.rmSync(path.join(dir, name)))
  process.stdout.write(
    `${wanted.size} images in ${dir} (${written} written, ${stale.length} removed), ${Math.round(bytes / 1024)} KB\n`
  )
}

main()
