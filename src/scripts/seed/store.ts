/**
 * The store itself, its sales channel and the storefront's publishable API key.
 *
 * Medusa creates a store, a "Default Sales Channel" and a "Default Publishable API Key" on every boot when none exist
 * (createDefaultsWorkflow). The seed adopts those and renames them rather than creating a second channel and key
 * next to them: the storefront then has exactly one channel and one key to choose from.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createSalesChannelsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  updateApiKeysWorkflow,
  updateSalesChannelsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import type { StoreData } from "./types"

/** The title createDefaultsWorkflow gives the key it creates at boot. */
const MEDUSA_DEFAULT_KEY_TITLE = "Default Publishable API Key"

export async function getStore(container: MedusaContainer) {
  const [store] = await container.resolve(Modules.STORE).listStores({}, { take: 1 })
  if (!store) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      "No store exists. Medusa creates it when the app boots after `medusa db:migrate`; run the migrations first."
    )
  }
  return store
}

/** The store's sales channel: the existing one with the data's name, else Medusa's default renamed, else a new one. */
export async function ensureSalesChannel(container: MedusaContainer, data: StoreData): Promise<string> {
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  const { name, description } = data.sales_channel
  const [existing] = await salesChannels.listSalesChannels({ name }, { take: 1 })
  if (existing) {
    return existing.id
  }
  const store = await getStore(container)
  if (store.default_sales_channel_id) {
    await updateSalesChannelsWorkflow(container).run({
      input: { selector: { id: store.default_sales_channel_id }, update: { name, description } },
    })
    return store.default_sales_channel_id
  }
  const { result } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name, description }] },
  })
  return result[0].id
}

/** The storefront's publishable key, linked to the sales channel. */
export async function ensurePublishableKey(
  container: MedusaContainer,
  data: StoreData,
  salesChannelId: string
): Promise<{ id: string; token: string }> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { title } = data.publishable_api_key
  const { data: keys } = await query.graph({
    entity: "api_key",
    fields: ["id", "title", "token", "revoked_at", "sales_channels.id"],
    filters: { type: "publishable" },
  })
  const usable = keys.filter((key) => !key.revoked_at)
  const existing =
    usable.find((key) => key.title === title) ?? usable.find((key) => key.title === MEDUSA_DEFAULT_KEY_TITLE)
  if (!existing) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title, type: "publishable", created_by: "" }] },
    })
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: result[0].id, add: [salesChannelId] } })
    return { id: result[0].id, token: result[0].token }
  }
  if (existing.title !== title) {
    await updateApiKeysWorkflow(container).run({ input: { selector: { id: existing.id }, update: { title } } })
  }
  if (!(existing.sales_channels ?? []).some((channel) => channel?.id === salesChannelId)) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: existing.id, add: [salesChannelId] } })
  }
  return { id: existing.id, token: existing.token }
}

export async function updateStore(
  container: MedusaContainer,
  data: StoreData,
  defaults: { salesChannelId: string; regionId: string; locationId: string }
): Promise<string> {
  const store = await getStore(container)
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: data.store.name,
        supported_currencies: data.store.supported_currencies,
        default_sales_channel_id: defaults.salesChannelId,
        default_region_id: defaults.regionId,
        default_location_id: defaults.locationId,
      },
    },
  })
  return store.id
}
