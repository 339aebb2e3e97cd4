import type { MedusaRequest } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { indexedCurrencies } from "../../lib/search/product-fields"
import { filterablePaths, STORE_INDEX, type StoreQueryContext } from "../../lib/search/store-query"
import { SEARCH_TUNING_MODULE } from "../../modules/search-tuning"
import type SearchTuningModuleService from "../../modules/search-tuning/service"

export interface SearchModule {
  getIndex(name: string): { fields: Record<string, any> }
  search(query: Record<string, any>): Promise<{ hits: any[]; metadata: { count: number | null } }>
  searchMany(queries: Record<string, any>[]): Promise<{ hits: any[]; metadata: { count: number | null } }[]>
}

export const searchModule = (req: MedusaRequest): SearchModule => req.scope.resolve(Modules.SEARCH)

export const searchTuning = (req: MedusaRequest): SearchTuningModuleService => req.scope.resolve(SEARCH_TUNING_MODULE)

/** The sales channels of the request's publishable key (Medusa sets them on every /store request). */
export function salesChannelIds(req: MedusaRequest): string[] {
  return ((req as any).publishable_key_context?.sales_channel_ids ?? []) as string[]
}

export function storeQueryContext(req: MedusaRequest): StoreQueryContext {
  return {
    filterable: new Set(filterablePaths(searchModule(req).getIndex(STORE_INDEX).fields)),
    currencies: indexedCurrencies(),
    salesChannelIds: salesChannelIds(req),
  }
}

/** What every storefront query is narrowed to, as Medusa's store route does: published, this key's channels. */
export function storeScope(req: MedusaRequest): Record<string, unknown> {
  return { status: "published", sales_channel_ids: salesChannelIds(req) }
}
