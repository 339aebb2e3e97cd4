import { documentKey, showsInventory } from "../cache-key"
import { catalogCacheStore } from "../stores/process-stores"

/** The document keys of these products in a rendering: with each one's stock version when the URL shows stock. */
export async function documentKeys(originalUrl: string, renderingKey: string, productIds: string[]): Promise<string[]> {
  if (!showsInventory(originalUrl)) {
    return productIds.map((id) => documentKey(renderingKey, id))
  }
  const versions = await catalogCacheStore().productStockVersions(productIds)
  return productIds.map((id, index) => documentKey(renderingKey, id, versions[index]))
}
