import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { TABLE_RATE_MODULE } from "../../../modules/table-rate"
import type TableRateModuleService from "../../../modules/table-rate/service"
import { isTableRateProvider } from "../../../utils/option-link"
import type { StoredRateTable } from "../../../utils/rate-table-types"

export interface TableRateShippingOption {
  id: string
  name: string
  provider_id: string
  price_type: string
  service_zone: string | null
  location: string | null
  is_return: boolean
  rate_table: StoredRateTable | null
}

const FIELDS = [
  "id",
  "name",
  "provider_id",
  "price_type",
  "rules.attribute",
  "rules.value",
  "service_zone.name",
  "service_zone.fulfillment_set.location.name",
]

/** Shipping options that use the table-rate provider, each with its rate table (null when it has none yet). */
export async function listTableRateOptions(
  container: MedusaContainer,
  ids?: string[]
): Promise<TableRateShippingOption[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "shipping_option", fields: FIELDS, filters: ids ? { id: ids } : {} })
  const options = data.filter((option: any) => isTableRateProvider(option.provider_id))
  const service = container.resolve<TableRateModuleService>(TABLE_RATE_MODULE)
  const tables = await Promise.all(options.map((option: any) => service.getRateTable(option.id)))
  return options
    .map((option: any, index: number) => ({
      id: option.id,
      name: option.name,
      provider_id: option.provider_id,
      price_type: option.price_type,
      service_zone: option.service_zone?.name ?? null,
      location: option.service_zone?.fulfillment_set?.location?.name ?? null,
      is_return: (option.rules ?? []).some((rule: any) => rule.attribute === "is_return" && rule.value === "true"),
      rate_table: tables[index],
    }))
    .sort((a: TableRateShippingOption, b: TableRateShippingOption) =>
      `${a.location}${a.service_zone}${a.name}`.localeCompare(`${b.location}${b.service_zone}${b.name}`)
    )
}
