/**
 * `medusa exec ./bench/fixture.ts`: a flat "Bench flat" shipping option (Medusa's manual provider) in every service
 * zone, priced in EUR and USD. Tienda's own options use its table-rate plugin, which stock Medusa does not have;
 * with this option both systems run the very same checkout.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createShippingOptionsWorkflow } from "@medusajs/medusa/core-flows"

export default async function benchFixture({ container }: ExecArgs): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: zones } = await query.graph({ entity: "service_zone", fields: ["id", "name"] })
  const { data: profiles } = await query.graph({ entity: "shipping_profile", fields: ["id", "type"] })
  const profile = profiles.find((p: any) => p.type === "default") ?? profiles[0]
  await createShippingOptionsWorkflow(container).run({
    input: zones.map((zone: any) => ({
      name: "Bench flat",
      price_type: "flat" as const,
      provider_id: "manual_manual",
      service_zone_id: zone.id,
      shipping_profile_id: profile.id,
      type: { code: "bench", label: "Bench flat", description: "Flat rate for the benchmark" },
      prices: [
        { currency_code: "eur", amount: 5 },
        { currency_code: "usd", amount: 6 },
      ],
      rules: [
        { attribute: "enabled_in_store", operator: "eq" as const, value: "true" },
        { attribute: "is_return", operator: "eq" as const, value: "false" },
      ],
    })),
  })
}
