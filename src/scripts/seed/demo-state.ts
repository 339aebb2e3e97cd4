/**
 * What the database already holds: nothing yet, the Tienda demo store, or someone else's data.
 * The seed only ever writes the demo store into an empty database (no products, no regions).
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { getStore } from "./store"
import type { DemoData, DemoStoreRefs } from "./types"

export type DatabaseState = "empty" | "demo-seeded" | "other-data"

function byKey<T>(rows: T[], key: (row: T) => string, value: (row: T) => string): Record<string, string> {
  return Object.fromEntries(rows.map((row) => [key(row), value(row)]))
}

/** Ids of the seeded demo store, or null when any part of it is missing. */
export async function findDemoStoreRefs(container: MedusaContainer, data: DemoData): Promise<DemoStoreRefs | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const store = await getStore(container)
  const [salesChannel] = await container
    .resolve(Modules.SALES_CHANNEL)
    .listSalesChannels({ name: data.store.sales_channel.name }, { take: 1 })
  const { data: keys } = await query.graph({
    entity: "api_key",
    fields: ["id", "token", "revoked_at"],
    filters: { type: "publishable", title: data.store.publishable_api_key.title },
  })
  const key = keys.find((k) => !k.revoked_at)
  const regions = await container
    .resolve(Modules.REGION)
    .listRegions({ name: { $in: data.regions.map((r) => r.name) } })
  const locations = await container
    .resolve(Modules.STOCK_LOCATION)
    .listStockLocations({ name: data.stockLocations.map((l) => l.name) })
  const [shippingProfile] = await container
    .resolve(Modules.FULFILLMENT)
    .listShippingProfiles({ type: data.store.shipping_profile.type }, { take: 1 })
  const categoryHandles = collectHandles(data.categories)
  const categories = await container.resolve(Modules.PRODUCT).listProductCategories({ handle: categoryHandles })

  if (
    !salesChannel ||
    !key ||
    !shippingProfile ||
    regions.length !== data.regions.length ||
    locations.length !== data.stockLocations.length ||
    categories.length !== categoryHandles.length
  ) {
    return null
  }
  const locationIdByName = byKey(
    locations,
    (l) => l.name,
    (l) => l.id
  )
  return {
    storeId: store.id,
    salesChannelId: salesChannel.id,
    publishableApiKey: { id: key.id, token: key.token },
    regionIds: byKey(
      regions,
      (r) => r.name,
      (r) => r.id
    ),
    stockLocationIds: Object.fromEntries(data.stockLocations.map((l) => [l.key, locationIdByName[l.name]])),
    shippingProfileId: shippingProfile.id,
    categoryIds: byKey(
      categories,
      (c) => c.handle,
      (c) => c.id
    ),
  }
}

function collectHandles(tree: DemoData["categories"]): string[] {
  return tree.flatMap((category) => [category.handle, ...collectHandles(category.children ?? [])])
}

export async function inspectDatabase(container: MedusaContainer, data: DemoData): Promise<DatabaseState> {
  const [product] = await container.resolve(Modules.PRODUCT).listProducts({}, { take: 1, select: ["id"] })
  const [region] = await container.resolve(Modules.REGION).listRegions({}, { take: 1, select: ["id"] })
  if (!product && !region) {
    return "empty"
  }
  return (await findDemoStoreRefs(container, data)) ? "demo-seeded" : "other-data"
}
