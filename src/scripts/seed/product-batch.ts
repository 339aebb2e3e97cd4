/**
 * Creates one batch of products with their stock: the demo catalog and every batch of the synthetic one go
 * through here.
 *
 * Inventory items are created first, with their levels at every stock location in the same workflow run, and the
 * variants are then linked to them. That is two workflow runs per batch, whatever its size, instead of letting
 * createProductsWorkflow make bare inventory items and then looking them up again to stock them.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ProductStatus } from "@medusajs/framework/utils"
import {
  createInventoryItemsWorkflow,
  createProductsWorkflow,
  deleteInventoryItemWorkflow,
} from "@medusajs/medusa/core-flows"
import { toPriceInputs } from "./money"
import type { InventoryData, ProductData } from "./types"

/** A product from the data plus the ids of what it refers to. */
export interface ProductBatchItem {
  product: ProductData
  typeId?: string
  tagIds: string[]
  categoryIds: string[]
  collectionId?: string | null
  metadata?: Record<string, unknown>
  /** Image URLs (stored files); the first is the thumbnail. */
  images?: string[]
}

export interface ProductBatchContext {
  salesChannelId: string
  shippingProfileId: string
  /** Stock location id by the key that `inventory` uses. */
  stockLocationIds: Record<string, string>
  /** SKU → location key → stocked quantity. */
  inventory: InventoryData
}

/** Creates the products, their variants, prices and stocked inventory items; returns the number of variants. */
export async function createProductBatch(
  container: MedusaContainer,
  items: ProductBatchItem[],
  context: ProductBatchContext
): Promise<number> {
  const locationKeys = Object.keys(context.stockLocationIds)
  const { result: inventoryItems } = await createInventoryItemsWorkflow(container).run({
    input: {
      items: items.flatMap(({ product }) =>
        product.variants.map((variant) => ({
          sku: variant.sku,
          title: `${product.title} / ${variant.title}`,
          weight: variant.weight,
          length: variant.length,
          width: variant.width,
          height: variant.height,
          origin_country: product.origin_country,
          material: product.material,
          requires_shipping: true,
          location_levels: locationKeys.map((key) => ({
            location_id: context.stockLocationIds[key],
            stocked_quantity: context.inventory[variant.sku]?.[key] ?? 0,
          })),
        }))
      ),
    },
  })
  const inventoryItemIdBySku = new Map(inventoryItems.map((item) => [item.sku, item.id]))

  try {
    await createProductsWorkflow(container).run({
      input: {
        products: items.map(({ product, typeId, tagIds, categoryIds, collectionId, metadata, images }) => ({
          title: product.title,
          subtitle: product.subtitle,
          description: product.description,
          handle: product.handle,
          status: ProductStatus.PUBLISHED,
          type_id: typeId,
          tag_ids: tagIds,
          category_ids: categoryIds,
          collection_id: collectionId ?? undefined,
          material: product.material,
          origin_country: product.origin_country,
          metadata,
          thumbnail: images?.[0],
          images: images?.map((url) => ({ url })),
          shipping_profile_id: context.shippingProfileId,
          sales_channels: [{ id: context.salesChannelId }],
          options: product.options.map(({ title, values }) => ({ title, values })),
          variants: product.variants.map((variant) => ({
            title: variant.title,
            sku: variant.sku,
            options: variant.options,
            manage_inventory: true,
            allow_backorder: false,
            weight: variant.weight,
            length: variant.length,
            width: variant.width,
            height: variant.height,
            origin_country: product.origin_country,
            material: product.material,
            prices: toPriceInputs(variant.prices),
            inventory_items: [{ inventory_item_id: inventoryItemIdBySku.get(variant.sku)!, required_quantity: 1 }],
          })),
        })),
      },
    })
  } catch (error) {
    // createProductsWorkflow rolls its own changes back; the inventory items made above are ours to undo.
    await deleteInventoryItemWorkflow(container).run({ input: inventoryItems.map((item) => item.id) })
    throw error
  }
  return inventoryItems.length
}
