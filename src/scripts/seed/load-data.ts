/**
 * Loads `data/*.json` and checks that the files agree with each other before anything touches the database,
 * so a typo in a SKU or a handle fails the seed with a message instead of half-seeding the store.
 *
 * The JSON is imported (not read from disk) so `medusa build` carries it into `.medusa/server`.
 */
import { MedusaError } from "@medusajs/framework/utils"
import categories from "../../../data/categories.json"
import collections from "../../../data/collections.json"
import customers from "../../../data/customers.json"
import inventory from "../../../data/inventory.json"
import products from "../../../data/products.json"
import regions from "../../../data/regions.json"
import stockLocations from "../../../data/stock-locations.json"
import store from "../../../data/store.json"
import { validateRateTable } from "@tienda/fulfillment-table-rate/utils/validate-rate-table"
import { assertMinorUnits } from "./money"
import type { CategoryData, DemoData, ProductData } from "./types"

function invalid(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `Seed data: ${message}`)
}

function assertPositiveInteger(value: unknown, what: string): void {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) {
    invalid(`${what} must be a positive integer (got ${JSON.stringify(value)})`)
  }
}

function collectCategoryHandles(tree: CategoryData[], into = new Set<string>()): Set<string> {
  for (const category of tree) {
    if (into.has(category.handle)) {
      invalid(`category handle "${category.handle}" appears twice in categories.json`)
    }
    into.add(category.handle)
    collectCategoryHandles(category.children ?? [], into)
  }
  return into
}

function validateProduct(
  product: ProductData,
  context: { currencies: string[]; categories: Set<string>; collections: Set<string>; skus: Set<string> }
): void {
  const where = `product "${product.handle}"`
  if (!product.handle || !product.title) {
    invalid(`every product needs a handle and a title (${JSON.stringify(product.title ?? product.handle)})`)
  }
  if (!product.options.length || !product.variants.length) {
    invalid(`${where} needs at least one option and one variant`)
  }
  for (const handle of product.categories) {
    if (!context.categories.has(handle)) {
      invalid(`${where} names category "${handle}", which categories.json does not define`)
    }
  }
  if (product.collection !== null && !context.collections.has(product.collection)) {
    invalid(`${where} names collection "${product.collection}", which collections.json does not define`)
  }
  const combinations = new Set<string>()
  for (const variant of product.variants) {
    const variantWhere = `${where}, variant "${variant.sku}"`
    if (!variant.sku) {
      invalid(`${where} has a variant without a SKU`)
    }
    if (context.skus.has(variant.sku)) {
      invalid(`SKU "${variant.sku}" is used twice`)
    }
    context.skus.add(variant.sku)
    for (const option of product.options) {
      const value = variant.options[option.title]
      if (!option.values.includes(value)) {
        invalid(`${variantWhere}: option "${option.title}" is "${value}", not one of ${option.values.join(", ")}`)
      }
    }
    if (Object.keys(variant.options).length !== product.options.length) {
      invalid(`${variantWhere} must set exactly the options ${product.options.map((o) => o.title).join(", ")}`)
    }
    const combination = JSON.stringify(product.options.map((o) => variant.options[o.title]))
    if (combinations.has(combination)) {
      invalid(`${variantWhere} repeats the option values of another variant`)
    }
    combinations.add(combination)
    for (const currency of context.currencies) {
      assertMinorUnits(variant.prices[currency], `${variantWhere} price in ${currency}`)
    }
    for (const field of ["weight", "length", "width", "height"] as const) {
      assertPositiveInteger(variant[field], `${variantWhere} ${field}`)
    }
  }
}

/** Checks that the data files agree with each other; throws INVALID_DATA naming the first problem. */
export function validateDemoData(data: DemoData): void {
  const currencies = data.store.store.supported_currencies.map((c) => c.currency_code)
  const regionNames = new Set(data.regions.map((r) => r.name))
  for (const region of data.regions) {
    if (!currencies.includes(region.currency_code)) {
      invalid(`region "${region.name}" uses ${region.currency_code}, which the store does not support`)
    }
  }
  const locationKeys = new Set(data.stockLocations.map((l) => l.key))
  for (const location of data.stockLocations) {
    for (const zone of location.service_zones) {
      if (!regionNames.has(zone.region)) {
        invalid(`service zone "${zone.name}" of "${location.name}" names unknown region "${zone.region}"`)
      }
      for (const option of zone.shipping_options) {
        if (option.rate_table) {
          // The table-rate plugin's own rules (overlaps, gaps, currencies), so bad data fails before seeding.
          const { problems } = validateRateTable(option.rate_table, currencies)
          if (problems.length) {
            invalid(`rate table of "${option.name}" (${zone.name}): ${problems.map((p) => p.message).join("; ")}`)
          }
          continue
        }
        for (const currency of currencies) {
          assertMinorUnits(option.prices?.[currency], `shipping option "${option.name}" (${zone.name}) in ${currency}`)
        }
      }
    }
  }

  const context = {
    currencies,
    categories: collectCategoryHandles(data.categories),
    collections: new Set(data.collections.map((c) => c.handle)),
    skus: new Set<string>(),
  }
  const handles = new Set<string>()
  for (const product of data.products) {
    if (handles.has(product.handle)) {
      invalid(`product handle "${product.handle}" is used twice`)
    }
    handles.add(product.handle)
    validateProduct(product, context)
  }

  for (const sku of context.skus) {
    const levels = data.inventory[sku]
    if (!levels) {
      invalid(`SKU "${sku}" has no row in inventory.json`)
    }
    for (const key of locationKeys) {
      const quantity = levels[key]
      if (typeof quantity !== "number" || !Number.isSafeInteger(quantity) || quantity < 0) {
        invalid(`inventory.json: "${sku}" needs a whole, non-negative quantity for location "${key}"`)
      }
    }
    for (const key of Object.keys(levels)) {
      if (!locationKeys.has(key)) {
        invalid(`inventory.json: "${sku}" names unknown stock location "${key}"`)
      }
    }
  }
  for (const sku of Object.keys(data.inventory)) {
    if (!context.skus.has(sku)) {
      invalid(`inventory.json lists "${sku}", which no product variant has`)
    }
  }
  if (!data.customers.password) {
    invalid("customers.json needs a password for the demo accounts")
  }
}

/** The demo data, validated. */
export function loadDemoData(): DemoData {
  const data: DemoData = {
    store,
    regions,
    stockLocations,
    categories,
    collections,
    products,
    inventory,
    customers,
  }
  validateDemoData(data)
  return data
}
