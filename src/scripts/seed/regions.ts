/**
 * Regions (currency, countries, payment providers) and one tax region per country with its default rate.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createRegionsWorkflow, createTaxRegionsWorkflow } from "@medusajs/medusa/core-flows"
import type { RegionData } from "./types"

/** Card and wallet providers that are registered only when their keys are set (see medusa-config.ts). */
const OPTIONAL_PAYMENT_PROVIDERS = ["pp_stripe_stripe", "pp_paypal_paypal"]

/** The optional providers this app has registered, so every demo region offers them too. */
async function registeredOptionalProviders(container: MedusaContainer): Promise<string[]> {
  const providers = await container
    .resolve(Modules.PAYMENT)
    .listPaymentProviders({ id: OPTIONAL_PAYMENT_PROVIDERS, is_enabled: true })
  return providers.map((provider) => provider.id)
}

/** Creates the regions and their tax regions; returns region ids by name. */
export async function seedRegions(container: MedusaContainer, regions: RegionData[]): Promise<Record<string, string>> {
  const optionalProviders = await registeredOptionalProviders(container)
  const { result } = await createRegionsWorkflow(container).run({
    input: {
      regions: regions.map((region) => ({
        name: region.name,
        currency_code: region.currency_code,
        automatic_taxes: region.automatic_taxes,
        payment_providers: [...region.payment_providers, ...optionalProviders],
        countries: region.countries.map((country) => country.country_code),
      })),
    },
  })

  await createTaxRegionsWorkflow(container).run({
    input: regions.flatMap((region) =>
      region.countries.map((country) => ({
        country_code: country.country_code,
        provider_id: region.tax_provider_id,
        default_tax_rate: {
          name: country.tax_rate.name,
          code: country.tax_rate.code,
          rate: country.tax_rate.rate,
        },
      }))
    ),
  })

  return Object.fromEntries(result.map((region) => [region.name, region.id]))
}
