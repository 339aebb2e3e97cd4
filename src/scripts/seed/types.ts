/**
 * Shapes of the seed data in `data/*.json` and of what the seeders hand back.
 *
 * Units used throughout the data files:
 * - prices: integer minor units of the currency (cents), keyed by lower-case ISO code: `{ "eur": 2999 }` is €29.99;
 * - weight: grams; length, width, height: millimetres (packed size), all integers.
 */
import type { Logger } from "@medusajs/framework/types"

/** Prices keyed by lower-case ISO 4217 currency code, in that currency's minor unit. */
export type MinorUnitPrices = Record<string, number>

/** The part of Medusa's logger the seeders use. */
export type SeedLogger = Pick<Logger, "info" | "warn" | "error">

export interface StoreData {
  store: {
    name: string
    supported_currencies: { currency_code: string; is_default: boolean; is_tax_inclusive: boolean }[]
  }
  sales_channel: { name: string; description: string }
  publishable_api_key: { title: string }
  shipping_profile: { name: string; type: string }
}

export interface RegionData {
  name: string
  currency_code: string
  automatic_taxes: boolean
  payment_providers: string[]
  tax_provider_id: string
  countries: {
    country_code: string
    tax_rate: { name: string; code: string; rate: number }
  }[]
}

/**
 * A table-rate price list (plugin `@tienda/fulfillment-table-rate`): rows of weight range (grams) × subtotal range
 * (minor units) → price (minor units) per currency, ranges inclusive-exclusive, `null` = no upper bound.
 */
export interface RateTableData {
  rows: {
    currency_code: string
    min_weight: number
    max_weight: number | null
    min_subtotal: number
    max_subtotal: number | null
    price: number
  }[]
  /** Per unit shipped, per currency (the JSON's `{}` reads as optional keys, hence `undefined`). */
  handling_fee?: Record<string, number | undefined>
  /** Free shipping from this subtotal on, per currency. */
  free_over?: Record<string, number | undefined>
}

/** A shipping option: flat `prices` (manual provider) or a `rate_table` (table-rate provider, calculated). */
export interface ShippingOptionData {
  name: string
  type: { code: string; label: string; description: string }
  prices?: MinorUnitPrices
  rate_table?: RateTableData
}

export interface ServiceZoneData {
  name: string
  /** Name of the region (regions.json) whose countries this zone covers. */
  region: string
  shipping_options: ShippingOptionData[]
}

export interface StockLocationData {
  /** Short key that inventory.json uses for this location. */
  key: string
  name: string
  address: {
    address_1: string
    city: string
    postal_code: string
    province: string
    country_code: string
    phone: string
  }
  fulfillment_set: { name: string; type: string }
  service_zones: ServiceZoneData[]
}

export interface CategoryData {
  handle: string
  name: string
  description: string
  children?: CategoryData[]
}

export interface CollectionData {
  handle: string
  title: string
}

export interface VariantData {
  title: string
  sku: string
  /** Option title → value, one entry per product option. */
  options: Record<string, string>
  prices: MinorUnitPrices
  weight: number
  length: number
  width: number
  height: number
}

export interface ProductData {
  handle: string
  title: string
  subtitle: string
  description: string
  /** Product type value; types are created on the fly. */
  type: string
  /** Category handles (categories.json). */
  categories: string[]
  /** Collection handle (collections.json) or null. */
  collection: string | null
  tags: string[]
  material: string
  origin_country: string
  options: { title: string; values: string[] }[]
  variants: VariantData[]
}

/** SKU → stock location key → stocked quantity. */
export type InventoryData = Record<string, Record<string, number>>

export interface CustomerData {
  email: string
  first_name: string
  last_name: string
  phone: string
  address: {
    address_name: string
    first_name: string
    last_name: string
    address_1: string
    city: string
    postal_code: string
    province: string
    country_code: string
    phone: string
  }
}

export interface CustomersData {
  /** The password of every demo account (documented in data/README.md). */
  password: string
  customers: CustomerData[]
}

export interface DemoData {
  store: StoreData
  regions: RegionData[]
  stockLocations: StockLocationData[]
  categories: CategoryData[]
  collections: CollectionData[]
  products: ProductData[]
  inventory: InventoryData
  customers: CustomersData
}

/** Ids of what the demo store seeded, for the synthetic catalog and for tests. */
export interface DemoStoreRefs {
  storeId: string
  salesChannelId: string
  publishableApiKey: { id: string; token: string }
  /** Region id by region name ("Europe", "United States"). */
  regionIds: Record<string, string>
  /** Stock location id by the data's location key ("madrid", "new-jersey"). */
  stockLocationIds: Record<string, string>
  shippingProfileId: string
  /** Category id by handle. */
  categoryIds: Record<string, string>
}
