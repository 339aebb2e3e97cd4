/**
 * Adds N generated products (3 variants each) to the demo store, for load and search testing: priced in every
 * store currency, stocked at both warehouses, in the web store's sales channel and the demo categories, tagged
 * "synthetic". Seeds the demo store first when the database is empty. Each run continues the numbering of the
 * previous one, so running it again adds N more products with new handles and SKUs.
 *
 * Speed: batches of 250 products written through the modules (synthetic-batch.ts explains why not the workflows),
 * two batches in flight. 10,000 products take ~2 minutes on an idle 2-core machine.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { demoThumbnailsByFamily } from "./demo-images"
import { seedDemoStore } from "./demo-store"
import { loadDemoData } from "./load-data"
import type { ProductBatchItem } from "./product-batch"
import { createSyntheticBatch } from "./synthetic-batch"
import { sequenceOfSku, SYNTHETIC_SKU_PREFIX, syntheticProduct } from "./synthetic-products"
import { FAMILIES, sharedOptionSpecs } from "./synthetic-vocabulary"
import { ensureProductTags, ensureProductTypes, ensureSharedOptions } from "./taxonomy"
import type { InventoryData, SeedLogger } from "./types"

/** The tag every synthetic product carries, so they are easy to find (and delete). */
export const SYNTHETIC_TAG = "synthetic"
/** Products per batch: 100-250 measured alike on a 2-core machine, 500 a third slower. */
export const DEFAULT_SYNTHETIC_BATCH_SIZE = 250
/** Batches written concurrently: one keeps the JavaScript thread busy while the other waits for PostgreSQL. */
const BATCHES_IN_FLIGHT = 2

export interface SyntheticProgress {
  done: number
  total: number
  elapsedMs: number
}

export interface SeedSyntheticCatalogOptions {
  /** How many products to add (≥ 1). */
  products: number
  /** Products per batch; defaults to DEFAULT_SYNTHETIC_BATCH_SIZE. */
  batchSize?: number
  /** Called after every batch. */
  onProgress?: (progress: SyntheticProgress) => void
  /** Where progress goes; defaults to the container's logger. */
  logger?: SeedLogger
}

export interface SeedSyntheticCatalogResult {
  products: number
  variants: number
  /** Sequence numbers used by this run (they appear in handles and SKUs). */
  firstSequence: number
  lastSequence: number
  elapsedMs: number
}

function assertCount(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${name} must be a whole number ≥ 1, got ${value}`)
  }
}

/** One past the highest synthetic sequence ever used (deleted products included, as their SKUs may linger). */
async function nextSequence(container: MedusaContainer): Promise<number> {
  const [last] = await container
    .resolve(Modules.PRODUCT)
    .listProductVariants(
      { sku: { $like: `${SYNTHETIC_SKU_PREFIX}%` } },
      { select: ["sku"], order: { sku: "DESC" }, take: 1, withDeleted: true }
    )
  const sequence = last?.sku ? sequenceOfSku(last.sku) : null
  return (sequence ?? 0) + 1
}

export async function seedSyntheticCatalog(
  container: MedusaContainer,
  options: SeedSyntheticCatalogOptions
): Promise<SeedSyntheticCatalogResult> {
  const logger: SeedLogger = options.logger ?? container.resolve(ContainerRegistrationKeys.LOGGER)
  const total = options.products
  const batchSize = options.batchSize ?? DEFAULT_SYNTHETIC_BATCH_SIZE
  assertCount(total, "products")
  assertCount(batchSize, "batchSize")

  const demo = await seedDemoStore(container, { logger })
  if (!demo.refs) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "The synthetic catalog is added to the Tienda demo store, and this database holds other data. " +
        "Use an empty database."
    )
  }
  const refs = demo.refs
  const locationKeys = Object.keys(refs.stockLocationIds)
  const tagIds = await ensureProductTags(container, [SYNTHETIC_TAG])
  const typeIds = await ensureProductTypes(
    container,
    FAMILIES.map((family) => family.type)
  )
  const sharedOptions = await ensureSharedOptions(container, sharedOptionSpecs())
  // Each synthetic product shows the image of a demo product of its kind (none when the demo store has no images).
  const thumbnailFor = await demoThumbnailsByFamily(container, loadDemoData().products)

  const firstSequence = await nextSequence(container)
  const started = Date.now()
  const logEvery = Math.max(batchSize, Math.ceil(total / 10))
  logger.info(`Seeding ${total} synthetic products (3 variants each) in batches of ${batchSize}...`)

  const buildBatch = (offset: number, size: number) => {
    const inventory: InventoryData = {}
    const items: ProductBatchItem[] = []
    for (let i = 0; i < size; i++) {
      const sequence = firstSequence + offset + i
      const generated = syntheticProduct(sequence, locationKeys)
      Object.assign(inventory, generated.inventory)
      items.push({
        product: generated.product,
        typeId: typeIds[generated.family.type],
        tagIds: [tagIds[SYNTHETIC_TAG]],
        categoryIds: [refs.categoryIds[generated.family.category]],
        metadata: { synthetic: true, sequence },
        images: [thumbnailFor(generated.family, sequence)].filter((url): url is string => !!url),
      })
    }
    return { items, inventory }
  }

  let next = 0
  let done = 0
  let variants = 0
  let failed = false
  const worker = async () => {
    while (!failed && next < total) {
      const offset = next
      const size = Math.min(batchSize, total - offset)
      next += size
      const { items, inventory } = buildBatch(offset, size)
      try {
        variants += await createSyntheticBatch(container, items, {
          options: sharedOptions,
          salesChannelId: refs.salesChannelId,
          shippingProfileId: refs.shippingProfileId,
          stockLocationIds: refs.stockLocationIds,
          inventory,
        })
      } catch (error) {
        failed = true
        throw error
      }
      const before = done
      done += size
      const elapsedMs = Date.now() - started
      options.onProgress?.({ done, total, elapsedMs })
      if (Math.floor(done / logEvery) > Math.floor(before / logEvery) || done === total) {
        logger.info(`seeded ${done}/${total} synthetic products (${Math.round(elapsedMs / 1000)} s)`)
      }
    }
  }
  await Promise.all(Array.from({ length: BATCHES_IN_FLIGHT }, worker))

  // Fresh planner statistics: the tables just grew by tens of thousands of rows, and with autovacuum off or slow
  // (it is off on the project's machines) PostgreSQL would plan the store's queries for nearly empty tables.
  await container.resolve(ContainerRegistrationKeys.PG_CONNECTION).raw("ANALYZE")
  logger.info(`Synthetic catalog done in ${Math.round((Date.now() - started) / 1000)} s (statistics refreshed).`)

  return {
    products: done,
    variants,
    firstSequence,
    lastSequence: firstSequence + total - 1,
    elapsedMs: Date.now() - started,
  }
}
