import type { StoredRateTable } from "../../utils/rate-table-types"

export interface TableRateOption {
  id: string
  name: string
  provider_id: string
  price_type: string
  service_zone: string | null
  location: string | null
  is_return: boolean
  rate_table: StoredRateTable | null
}

export interface TableRatesResponse {
  shipping_options: TableRateOption[]
  currencies: string[]
}
