import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { EmailTable } from "../components/email-table"
import { call, type EmailSummary } from "../lib/api"

/** The emails sent about this order (confirmation, shipping, cancellation, refund), with preview and resend. */
const OrderEmailsWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const [emails, setEmails] = useState<EmailSummary[] | null>(null)

  const load = useCallback(() => {
    call<{ emails: EmailSummary[] }>(`/admin/emails?order_id=${encodeURIComponent(order.id)}&limit=50`).then(
      (body) => setEmails(body.emails),
      () => setEmails([])
    )
  }, [order.id])

  useEffect(() => {
    load()
  }, [load])

  if (emails === null) {
    return null
  }
  return (
    <Container className="divide-y p-0" data-testid="order-emails-widget">
      <div className="px-6 py-4">
        <Heading level="h2">Emails</Heading>
      </div>
      <EmailTable emails={emails} onChange={load} showOrder={false} />
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.after" })

export default OrderEmailsWidget
