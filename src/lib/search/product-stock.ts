import type { ProductRow } from "./product-document"

type Graph = (input: {
  entity: string
  fields: string[]
  filters?: Record<string, unknown>
}) => Promise<{ data: any[] }>

interface InventoryLink {
  variant_id: string
  required_quantity?: number | null
  inventory?: {
    location_levels?:
      | { location_id: string; stocked_quantity?: number | string | null; reserved_quantity?: number | string | null }[]
      | null
  } | null
}

/** Units of one variant sellable from these locations (Medusa's rule: the scarcest inventory item decides). */
export function variantAvailability(links: InventoryLink[], locations: Set<string>): number {
  if (!links.length) {
    return 0
  }
  return Math.min(
    ...links.map((link) => {
      const available = (link.inventory?.location_levels ?? [])
        .filter((level) => locations.has(level.location_id))
        .reduce((sum, level) => sum + Number(level.stocked_quantity ?? 0) - Number(level.reserved_quantity ?? 0), 0)
      return Math.floor(available / Math.max(1, Number(link.required_quantity ?? 1)))
    })
  )
}

/**
 * The sales channels in which at least one variant of the product can be bought: it is not stock-managed, it
 * allows backorders, or a stock location of that channel has it available.
 */
export function inStockChannels(
  product: ProductRow,
  linksByVariant: Map<string, InventoryLink[]>,
  locationsByChannel: Map<string, Set<string>>
): string[] {
  const channels = (product.sales_channels ?? []).map((channel) => channel.id).filter((id): id is string => !!id)
  return channels.filter((channel) =>
    (product.variants ?? []).some(
      (variant) =>
        variant.manage_inventory === false ||
        variant.allow_backorder === true ||
        variantAvailability(linksByVariant.get(variant.id) ?? [], locationsByChannel.get(channel) ?? new Set()) > 0
    )
  )
}

/** Two reads for a whole batch of products: the variants' inventory levels and the channels' stock locations. */
export async function loadInStockChannels(graph: Graph, products: ProductRow[]): Promise<Map<string, string[]>> {
  const variantIds = products.flatMap((product) => (product.variants ?? []).map((variant) => variant.id))
  const channelIds = [
    ...new Set(products.flatMap((product) => (product.sales_channels ?? []).map((c) => c.id))),
  ].filter((id): id is string => !!id)
  const [links, channelLocations] = await Promise.all([
    variantIds.length
      ? graph({
          entity: "product_variant_inventory_items",
          fields: [
            "variant_id",
            "required_quantity",
            "inventory.location_levels.location_id",
            "inventory.location_levels.stocked_quantity",
            "inventory.location_levels.reserved_quantity",
          ],
          filters: { variant_id: variantIds },
        })
      : { data: [] },
    channelIds.length
      ? graph({
          entity: "sales_channel_locations",
          fields: ["sales_channel_id", "stock_location_id"],
          filters: { sales_channel_id: channelIds },
        })
      : { data: [] },
  ])
  const linksByVariant = new Map<string, InventoryLink[]>()
  for (const link of links.data as InventoryLink[]) {
    linksByVariant.set(link.variant_id, [...(linksByVariant.get(link.variant_id) ?? []), link])
  }
  const locationsByChannel = new Map<string, Set<string>>()
  for (const row of channelLocations.data) {
    const set = locationsByChannel.get(row.sales_channel_id) ?? new Set<string>()
    set.add(row.stock_location_id)
    locationsByChannel.set(row.sales_channel_id, set)
  }
  return new Map(products.map((product) => [product.id, inStockChannels(product, linksByVariant, locationsByChannel)]))
}
