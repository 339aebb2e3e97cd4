/**
 * The demo catalog's product images (data/images/<handle>.png, drawn by src/scripts/demo-images/generate.ts), stored
 * through Medusa's File Module when the demo store is seeded. The provider names each file by its content, so
 * seeding again (a new database, a test's template) stores nothing new and the URLs stay the same.
 */
import fs from "node:fs"
import path from "node:path"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { projectRootOf } from "../../lib/secrets/state-dir"
import type { SyntheticFamily } from "./synthetic-vocabulary"
import type { ProductData, SeedLogger } from "./types"

export const DEMO_IMAGE_TYPE = "image/png"

export const demoImageFile = (handle: string): string => `${handle}.png`

/**
 * data/images of the project: next to the sources (`medusa exec ./src/scripts/seed.ts`), or the project's when the
 * seed runs from the build in `.medusa/server`, which holds no images.
 */
export function demoImagesDir(): string {
  return path.join(projectRootOf(path.resolve(__dirname, "../../..")), "data", "images")
}

/**
 * Each product's image file; undefined when the folder is missing altogether (a deployment that ships only the build):
 * the catalog is then seeded without images. A product without its file stops the seed before it writes anything.
 */
export function readDemoImages(products: ProductData[], dir = demoImagesDir()): Map<string, Buffer> | undefined {
  if (!fs.existsSync(dir)) {
    return undefined
  }
  const images = new Map<string, Buffer>()
  const missing: string[] = []
  for (const { handle } of products) {
    const file = path.join(dir, demoImageFile(handle))
    if (fs.existsSync(file)) {
      images.set(handle, fs.readFileSync(file))
    } else {
      missing.push(demoImageFile(handle))
    }
  }
  if (missing.length > 0) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Seed data: ${dir} has no image for ${missing.join(", ")} (npx tsx src/scripts/demo-images/generate.ts draws them)`
    )
  }
  return images
}

/**
 * Stores the demo images through the File Module (whichever provider it has) and returns each product's URL by
 * handle. The module's service, not uploadFilesWorkflow: a workflow would keep the megabyte of base64 it was given
 * in its checkpoint, and there is nothing to compensate (a stored file names its own bytes).
 */
export async function storeDemoImages(
  container: MedusaContainer,
  products: ProductData[],
  logger: SeedLogger
): Promise<Record<string, string>> {
  const images = readDemoImages(products)
  if (!images) {
    logger.warn(`No demo images at ${demoImagesDir()}: the demo products get none.`)
    return {}
  }
  const handles = [...images.keys()]
  const stored = await container.resolve(Modules.FILE).createFiles(
    handles.map((handle) => ({
      filename: demoImageFile(handle),
      mimeType: DEMO_IMAGE_TYPE,
      content: images.get(handle)!.toString("base64"),
      access: "public" as const,
    }))
  )
  return Object.fromEntries(handles.map((handle, i) => [handle, stored[i].url]))
}

const familyKey = (family: Pick<SyntheticFamily, "category" | "type">) => `${family.category}/${family.type}`

/**
 * Thumbnails for synthetic products: the stored images of the demo products of the same category and type, by
 * family. Synthetic products reuse them (a thumbnail only, no image rows, so 10,000 products cost nothing more);
 * none when the demo products have no images.
 */
export async function demoThumbnailsByFamily(
  container: MedusaContainer,
  products: ProductData[]
): Promise<(family: SyntheticFamily, sequence: number) => string | undefined> {
  const stored = await container
    .resolve(Modules.PRODUCT)
    .listProducts({ handle: products.map((p) => p.handle) }, { select: ["handle", "thumbnail"] })
  const thumbnailOf = new Map(stored.map((product) => [product.handle, product.thumbnail]))
  const byFamily = new Map<string, string[]>()
  for (const product of products) {
    const thumbnail = thumbnailOf.get(product.handle)
    if (thumbnail) {
      for (const category of product.categories) {
        const key = familyKey({ category, type: product.type })
        byFamily.set(key, [...(byFamily.get(key) ?? []), thumbnail])
      }
    }
  }
  return (family, sequence) => {
    const candidates = byFamily.get(familyKey(family))
    return candidates?.[sequence % candidates.length]
  }
}
