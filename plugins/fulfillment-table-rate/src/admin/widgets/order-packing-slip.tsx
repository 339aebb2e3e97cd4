import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { BACKEND_URL, sdk } from "../lib/sdk"

interface FulfillmentSummary {
  id: string
  provider_id: string
  created_at: string
  canceled_at: string | null
}

/** Saves a PDF the admin API returns (the session cookie authenticates the request). */
async function download(fulfillmentId: string, displayId: number | string) {
  const response = await fetch(`${BACKEND_URL.replace(/\/$/, "")}/admin/table-rates/packing-slips/${fulfillmentId}`, {
    credentials: "include",
  })
  if (!response.ok) {
    const body = await response.json().catch(() => ({}))
    throw new Error(body.message ?? `The packing slip could not be downloaded (${response.status})`)
  }
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement("a")
  link.href = url
  link.download = `packing-slip-${displayId}.pdf`
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** On the order page: one "Download packing slip" button per table-rate fulfillment. */
const OrderPackingSlipWidget = ({ data: order }: DetailWidgetProps<{ id: string; display_id: number }>) => {
  const [fulfillments, setFulfillments] = useState<FulfillmentSummary[] | null>(null)

  useEffect(() => {
    sdk.admin.order
      .retrieve(order.id, { fields: "id,*fulfillments" })
      .then(({ order: full }) =>
        setFulfillments(
          ((full as any).fulfillments ?? []).filter((f: FulfillmentSummary) => f.provider_id?.startsWith("table-rate_"))
        )
      )
      .catch(() => setFulfillments([]))
  }, [order.id])

  return (
    <Container className="divide-y p-0" data-testid="packing-slip-widget">
      <div className="px-6 py-4">
        <Heading level="h2">Packing slips</Heading>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        {fulfillments === null && <Text size="small">Loading…</Text>}
        {fulfillments?.length === 0 && (
          <Text size="small" className="text-ui-fg-subtle">
            No table-rate fulfillments yet: create a fulfillment to print its packing slip.
          </Text>
        )}
        {fulfillments?.map((fulfillment, index) => (
          <div key={fulfillment.id} className="flex items-center justify-between">
            <Text size="small">
              Fulfillment #{index + 1} · {new Date(fulfillment.created_at).toLocaleDateString()}
              {fulfillment.canceled_at ? " (canceled)" : ""}
            </Text>
            <Button
              size="small"
              variant="secondary"
              onClick={() => download(fulfillment.id, order.display_id).catch((e) => toast.error(e.message))}
            >
              Download packing slip
            </Button>
          </div>
        ))}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.after" })

export default OrderPackingSlipWidget
