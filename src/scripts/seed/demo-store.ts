/**
 * Seeds the Tienda demo store from `data/*.json` into an empty database, and does nothing on a database that
 * already has products or regions (so running it again is safe).
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { settings } from "../../lib/settings"
import { seedDemoCustomers } from "./customers"
import { storeDemoImages } from "./demo-images"
import { findDemoStoreRefs, inspectDatabase } from "./demo-state"
import { ensureShippingProfile, seedStockLocations } from "./fulfillment"
import { loadDemoData } from "./load-data"
import { createProductBatch, type ProductBatchItem } from "./product-batch"
import { seedRegions } from "./regions"
import { ensurePublishableKey, ensureSalesChannel, updateStore } from "./store"
import { ensureProductTags, ensureProductTypes, seedCategories, seedCollections } from "./taxonomy"
import type { DemoStoreRefs, SeedLogger } from "./types"

export interface SeedDemoStoreOptions {
  /** Where progress goes; defaults to the container's logger. */
  logger?: SeedLogger
}

export interface SeedDemoStoreResult {
  /**
   * - "seeded": the database was empty and now holds the demo store;
   * - "already-seeded": the demo store was there already, nothing changed;
   * - "not-empty": the database has other products or regions, nothing changed.
   */
  status: "seeded" | "already-seeded" | "not-empty"
  /** Ids of the demo store's parts; null when status is "not-empty". */
  refs: DemoStoreRefs | null
}

/** Products per createProductsWorkflow run for the demo catalog. */
const DEMO_BATCH_SIZE = 25

export async function seedDemoStore(
  container: MedusaContainer,
  options: SeedDemoStoreOptions = {}
): Promise<SeedDemoStoreResult> {
  const logger: SeedLogger = options.logger ?? container.resolve(ContainerRegistrationKeys.LOGGER)
  const data = loadDemoData()

  const state = await inspectDatabase(container, data)
  if (state === "demo-seeded") {
    logger.info("The Tienda demo store is already seeded: nothing to do.")
    return { status: "already-seeded", refs: await findDemoStoreRefs(container, data) }
  }
  if (state === "other-data") {
    logger.warn(
      "The database already has products or regions that are not the Tienda demo store: not seeding it. " +
        "The demo store goes into an empty database (create one and run `medusa db:migrate`)."
    )
    return { status: "not-empty", refs: null }
  }

  const started = Date.now()
  logger.info("Seeding the Tienda demo store...")
  // Files first: a missing image stops the seed before anything is written to the database.
  const imageUrls = await storeDemoImages(container, data.products, logger)
  logger.info(`Product images: ${Object.keys(imageUrls).length} stored through the File Module.`)

  const salesChannelId = await ensureSalesChannel(container, data.store)
  const publishableApiKey = await ensurePublishableKey(container, data.store, salesChannelId)
  const regionIds = await seedRegions(container, data.regions)
  logger.info(`Regions: ${Object.keys(regionIds).join(", ")} (with tax rates per country).`)

  const shippingProfileId = await ensureShippingProfile(container, data.store)
  const stockLocationIds = await seedStockLocations(container, data.stockLocations, {
    regions: data.regions,
    salesChannelId,
    shippingProfileId,
  })
  logger.info(`Stock locations and shipping: ${data.stockLocations.map((l) => l.name).join(", ")}.`)

  const categoryIds = await seedCategories(container, data.categories)
  const collectionIds = await seedCollections(container, data.collections)
  const tagIds = await ensureProductTags(
    container,
    data.products.flatMap((p) => p.tags)
  )
  const typeIds = await ensureProductTypes(
    container,
    data.products.map((p) => p.type)
  )

  const items: ProductBatchItem[] = data.products.map((product) => ({
    product,
    typeId: typeIds[product.type],
    tagIds: product.tags.map((tag) => tagIds[tag]),
    categoryIds: product.categories.map((handle) => categoryIds[handle]),
    collectionId: product.collection ? collectionIds[product.collection] : null,
    images: imageUrls[product.handle] ? [imageUrls[product.handle]] : undefined,
  }))
  const context = { salesChannelId, shippingProfileId, stockLocationIds, inventory: data.inventory }
  let variants = 0
  for (let i = 0; i < items.length; i += DEMO_BATCH_SIZE) {
    variants += await createProductBatch(container, items.slice(i, i + DEMO_BATCH_SIZE), context)
  }
  logger.info(
    `Catalog: ${items.length} products, ${variants} variants, stocked at ${data.stockLocations.length} locations.`
  )

  const demoCustomers = await seedDemoCustomers(container, data.customers)
  const storeId = await updateStore(container, data.store, {
    salesChannelId,
    regionId: regionIds[data.regions[0].name],
    locationId: stockLocationIds[data.stockLocations[0].key],
  })

  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const customers = demoCustomers
    ? `Demo customers: ${data.customers.customers.map((c) => c.email).join(", ")} (password in data/customers.json).`
    : `No demo customers: their password is published, and NODE_ENV=${settings().server.nodeEnv ?? ""} ` +
      "uses the production rules."
  logger.info(
    `Seeded the Tienda demo store in ${seconds} s. ${customers} ` +
      `Publishable API key "${data.store.publishable_api_key.title}": ${publishableApiKey.token}`
  )
  return {
    status: "seeded",
    refs: {
      storeId,
      salesChannelId,
      publishableApiKey,
      regionIds,
      stockLocationIds,
      shippingProfileId,
      categoryIds,
    },
  }
}
