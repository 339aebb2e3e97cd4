import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"

interface OfflinePayment {
  method: "bank-transfer" | "cash-on-delivery"
  reference: string | null
  status: "awaiting" | "paid" | "canceled"
  amount: number
  currency_code: string
  settled_at: string | null
}

const METHOD_LABEL = { "bank-transfer": "Bank transfer", "cash-on-delivery": "Cash on delivery" }
const STATUS_COLOR = { awaiting: "orange", paid: "green", canceled: "grey" } as const

function money(amount: number, currency: string): string {
  return new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() }).format(amount)
}

async function call(path: string, init?: RequestInit): Promise<any> {
  const response = await fetch(path, {
    credentials: "include",
    headers: { "content-type": "application/json" },
    ...init,
  })
  const body = await response.json().catch(() => ({}))
  if (!response.ok) {
    throw new Error(body.message || `Request failed (${response.status})`)
  }
  return body
}

/** The order's offline payment: its reference, what is owed, and "Mark as paid" once the money is in. */
const OrderOfflinePaymentWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const [payment, setPayment] = useState<OfflinePayment | null | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const url = `/admin/orders/${order.id}/offline-payment`

  useEffect(() => {
    call(url).then(
      (body) => setPayment(body.offline_payment),
      () => setPayment(null)
    )
  }, [url])

  const markPaid = useCallback(async () => {
    setBusy(true)
    try {
      const body = await call(`${url}/mark-paid`, { method: "POST", body: "{}" })
      setPayment(body.offline_payment)
      toast.success("Payment recorded", { description: "The order is marked as paid." })
      // The dashboard's own payment section reads the order again on reload.
      setTimeout(() => window.location.reload(), 800)
    } catch (error) {
      toast.error("Could not mark as paid", { description: (error as Error).message })
    } finally {
      setBusy(false)
    }
  }, [url])

  if (!payment) {
    return null
  }
  return (
    <Container className="divide-y p-0" data-testid="offline-payment-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{METHOD_LABEL[payment.method]}</Heading>
        <Badge color={STATUS_COLOR[payment.status]} data-testid="offline-payment-status">
          {payment.status === "awaiting" ? "Awaiting payment" : payment.status === "paid" ? "Paid" : "Canceled"}
        </Badge>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle">
          Payment reference
        </Text>
        <Text size="small" weight="plus" className="font-mono" data-testid="offline-payment-reference">
          {payment.reference ?? "—"}
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          Amount {money(payment.amount, payment.currency_code)}
          {payment.status === "paid" && payment.settled_at
            ? ` · received ${new Date(payment.settled_at).toLocaleString()}`
            : ""}
        </Text>
      </div>
      {payment.status === "awaiting" && (
        <div className="flex justify-end px-6 py-4">
          <Button size="small" variant="secondary" isLoading={busy} onClick={markPaid}>
            Mark as paid
          </Button>
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.before" })

export default OrderOfflinePaymentWidget
