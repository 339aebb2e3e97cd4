import {
  InventoryEvents,
  InventoryItemWorkflowEvents,
  InventoryLevelWorkflowEvents,
  OrderWorkflowEvents,
  PricingEvents,
  ProductCategoryWorkflowEvents,
  ProductCollectionWorkflowEvents,
  ProductEvents,
  ProductOptionWorkflowEvents,
  ProductTagWorkflowEvents,
  ProductTypeWorkflowEvents,
  ProductVariantWorkflowEvents,
  ProductWorkflowEvents,
  RegionWorkflowEvents,
  ReservationItemWorkflowEvents,
  SalesChannelWorkflowEvents,
  TranslationWorkflowEvents,
} from "@medusajs/framework/utils"
import type { Generation } from "../stores/store-types"

const values = (...groups: Array<Record<string, string>>) => groups.flatMap((group) => Object.values(group))

/** Stock changes (they show only in answers that ask for inventory quantities). */
export const INVENTORY_EVENTS = [
  ...values(InventoryEvents, InventoryItemWorkflowEvents, InventoryLevelWorkflowEvents, ReservationItemWorkflowEvents),
  OrderWorkflowEvents.PLACED,
  OrderWorkflowEvents.CANCELED,
]

/**
 * Everything else a catalog answer is made of: products, variants, options, prices and price lists, categories,
 * collections, tags, types, regions, sales channels, translations. Both the workflow events (`product.updated`) and
 * the modules' own events (`product.product.updated`) are listed. Not the fulfillment module's: no cached answer
 * shows shipping options, profiles or fulfillments, and a flush on every shipment would empty the cache for nothing.
 */
export const CATALOG_EVENTS = [
  ...values(
    ProductEvents,
    ProductWorkflowEvents,
    ProductVariantWorkflowEvents,
    ProductOptionWorkflowEvents,
    ProductTagWorkflowEvents,
    ProductTypeWorkflowEvents,
    ProductCategoryWorkflowEvents,
    ProductCollectionWorkflowEvents,
    PricingEvents,
    RegionWorkflowEvents,
    SalesChannelWorkflowEvents,
    TranslationWorkflowEvents
  ),
]

/** The generations an event makes stale: inventory events only the stock generation, the rest both. */
export function generationsFor(eventName: string): Generation[] {
  return INVENTORY_EVENTS.includes(eventName) ? ["inventory"] : ["catalog", "inventory"]
}
