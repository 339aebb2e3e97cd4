/**
 * Where stock lives and how it ships: the shipping profile, the stock locations (linked to the sales channel and to
 * the manual and table-rate fulfillment providers), one fulfillment set per location whose service zones cover a
 * region's countries, and "Standard" / "Express" shipping options in every zone: calculated by the table-rate
 * provider from the option's `rate_table` in the data, or flat `prices` through the manual provider.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import {
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"
import { upsertRateTableWorkflow } from "@tienda/fulfillment-table-rate/workflows"
import { toPriceInputs } from "./money"
import type { RegionData, StockLocationData, StoreData } from "./types"

/** Medusa's built-in manual fulfillment provider (`<identifier>_<id>`). */
export const MANUAL_FULFILLMENT_PROVIDER_ID = "manual_manual"

/** The table-rate provider of `@tienda/fulfillment-table-rate`, registered with id "table-rate" in medusa-config. */
export const TABLE_RATE_FULFILLMENT_PROVIDER_ID = "table-rate_table-rate"

/**
 * The default shipping profile. `medusa db:migrate` already creates one ("Default Shipping Profile", type default),
 * so it is reused; products must be attached to a profile that the shipping options also use.
 */
export async function ensureShippingProfile(container: MedusaContainer, data: StoreData): Promise<string> {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [existing] = await fulfillment.listShippingProfiles({ type: data.shipping_profile.type }, { take: 1 })
  if (existing) {
    return existing.id
  }
  const { result } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: data.shipping_profile.name, type: data.shipping_profile.type }] },
  })
  return result[0].id
}

function countriesOf(regions: RegionData[], regionName: string): string[] {
  const region = regions.find((r) => r.name === regionName)
  if (!region) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Seed data: no region named "${regionName}"`)
  }
  return region.countries.map((country) => country.country_code)
}

/** Creates the stock locations and everything that ships from them; returns location ids by data key. */
export async function seedStockLocations(
  container: MedusaContainer,
  locations: StockLocationData[],
  context: { regions: RegionData[]; salesChannelId: string; shippingProfileId: string }
): Promise<Record<string, string>> {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const fulfillment = container.resolve(Modules.FULFILLMENT)

  const { result: created } = await createStockLocationsWorkflow(container).run({
    input: { locations: locations.map(({ name, address }) => ({ name, address })) },
  })
  const locationIds: Record<string, string> = {}
  locations.forEach((location, index) => {
    locationIds[location.key] = created[index].id
  })

  // Shipping options can only use a provider that is enabled on the zone's stock location.
  await link.create(
    locations.flatMap((location) =>
      [MANUAL_FULFILLMENT_PROVIDER_ID, TABLE_RATE_FULFILLMENT_PROVIDER_ID].map((providerId) => ({
        [Modules.STOCK_LOCATION]: { stock_location_id: locationIds[location.key] },
        [Modules.FULFILLMENT]: { fulfillment_provider_id: providerId },
      }))
    )
  )
  for (const location of locations) {
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: locationIds[location.key], add: [context.salesChannelId] },
    })
  }

  const fulfillmentSets = await fulfillment.createFulfillmentSets(
    locations.map((location) => ({
      name: location.fulfillment_set.name,
      type: location.fulfillment_set.type,
      service_zones: location.service_zones.map((zone) => ({
        name: zone.name,
        geo_zones: countriesOf(context.regions, zone.region).map((country_code) => ({
          type: "country" as const,
          country_code,
        })),
      })),
    }))
  )
  await link.create(
    locations.map((location, index) => ({
      [Modules.STOCK_LOCATION]: { stock_location_id: locationIds[location.key] },
      [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSets[index].id },
    }))
  )

  const shippingOptions = locations.flatMap((location, index) =>
    location.service_zones.flatMap((zone) => {
      const serviceZone = fulfillmentSets[index].service_zones.find((z) => z.name === zone.name)
      if (!serviceZone) {
        throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Service zone "${zone.name}" was not created`)
      }
      return zone.shipping_options.map((option) => ({
        name: option.name,
        price_type: option.rate_table ? ("calculated" as const) : ("flat" as const),
        provider_id: option.rate_table ? TABLE_RATE_FULFILLMENT_PROVIDER_ID : MANUAL_FULFILLMENT_PROVIDER_ID,
        service_zone_id: serviceZone.id,
        shipping_profile_id: context.shippingProfileId,
        type: option.type,
        data: option.rate_table ? { id: "table-rate" } : undefined,
        prices: option.rate_table ? [] : toPriceInputs(option.prices ?? {}),
        rules: [
          { attribute: "enabled_in_store", operator: "eq" as const, value: "true" },
          { attribute: "is_return", operator: "eq" as const, value: "false" },
        ],
      }))
    })
  )
  const { result: createdOptions } = await createShippingOptionsWorkflow(container).run({ input: shippingOptions })

  // Rate tables go through the plugin's workflow (validation, one transaction, the option's data pointing at the
  // table). The store's currencies are set later in the seed, so the data's own currencies are allowed explicitly.
  const withTables = locations.flatMap((location, index) =>
    location.service_zones.flatMap((zone) => {
      const zoneId = fulfillmentSets[index].service_zones.find((z) => z.name === zone.name)!.id
      return zone.shipping_options.filter((option) => option.rate_table).map((option) => ({ zoneId, option }))
    })
  )
  const currencies = [
    ...new Set(withTables.flatMap(({ option }) => option.rate_table!.rows.map((row) => row.currency_code))),
  ]
  for (const { zoneId, option } of withTables) {
    const created = createdOptions.find((o) => o.service_zone_id === zoneId && o.name === option.name)
    if (!created) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Shipping option "${option.name}" was not created`)
    }
    await upsertRateTableWorkflow(container).run({
      input: { shipping_option_id: created.id, table: option.rate_table, currencies },
    })
  }

  return locationIds
}
