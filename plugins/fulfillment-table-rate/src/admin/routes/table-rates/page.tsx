import { defineRouteConfig } from "@medusajs/admin-sdk"
import { TruckFast } from "@medusajs/icons"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { RateTableEditor } from "../../components/rate-table-editor"
import { sdk } from "../../lib/sdk"
import type { TableRatesResponse } from "../../lib/types"

/** Settings page: the shipping options that use the table-rate provider, and the rate table of the chosen one. */
const TableRatesPage = () => {
  const [data, setData] = useState<TableRatesResponse | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [selected, setSelected] = useState<string | null>(null)
  const [revision, setRevision] = useState(0)

  const load = useCallback(async () => {
    try {
      const response = await sdk.client.fetch<TableRatesResponse>("/admin/table-rates")
      setData(response)
      setSelected((current) => current ?? response.shipping_options[0]?.id ?? null)
      setRevision((r) => r + 1)
    } catch (e: any) {
      setError(e?.message ?? "Could not load the rate tables")
    }
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  const option = data?.shipping_options.find((o) => o.id === selected)

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">Table rates</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Shipping prices by cart weight and subtotal, per currency, for each shipping option that uses the table-rate
          provider.
        </Text>
      </div>
      {error && (
        <Text className="text-ui-fg-error px-6 py-4" role="alert">
          {error}
        </Text>
      )}
      {data && data.shipping_options.length === 0 && (
        <Text className="px-6 py-4">
          No shipping option uses the table-rate provider yet. Create one in Locations & Shipping.
        </Text>
      )}
      {data && data.shipping_options.length > 0 && (
        <div className="flex flex-wrap gap-2 px-6 py-4" role="tablist">
          {data.shipping_options.map((o) => (
            <button
              key={o.id}
              role="tab"
              aria-selected={o.id === selected}
              onClick={() => setSelected(o.id)}
              className={`txt-compact-small rounded-md px-3 py-1.5 shadow-borders-base ${o.id === selected ? "bg-ui-bg-base-pressed" : "bg-ui-bg-base"}`}
            >
              {o.name} · {o.service_zone ?? o.location ?? ""}{" "}
              {!o.rate_table && (
                <Badge size="2xsmall" color="orange">
                  no table
                </Badge>
              )}
            </button>
          ))}
        </div>
      )}
      {option && data && (
        <RateTableEditor key={`${option.id}:${revision}`} option={option} currencies={data.currencies} onSaved={load} />
      )}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Table rates", icon: TruckFast })

export default TableRatesPage
