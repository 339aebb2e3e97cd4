import { Badge, Button, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { call, type EmailSummary, STATUS_COLOR, STATUS_LABEL, when } from "../lib/api"
import { EmailPreview } from "./email-preview"

/** Emails with their status, recipient, template, order, time and error; preview and resend per row. */
export const EmailTable = ({
  emails,
  onChange,
  showOrder = true,
}: {
  emails: EmailSummary[]
  onChange: () => void
  showOrder?: boolean
}) => {
  const [preview, setPreview] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)

  const resend = async (id: string) => {
    setBusy(id)
    try {
      const { email } = await call<{ email: EmailSummary }>(`/admin/emails/${id}/resend`, {
        method: "POST",
        body: "{}",
      })
      toast.success("Email resent", { description: `${email.recipient}: ${STATUS_LABEL[email.status]}` })
      onChange()
    } catch (error) {
      toast.error("Could not resend", { description: (error as Error).message })
    } finally {
      setBusy(null)
    }
  }

  if (!emails.length) {
    return <Text className="px-6 py-4 text-ui-fg-subtle">No emails yet.</Text>
  }
  return (
    <>
      <Table data-testid="email-table">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell>Recipient</Table.HeaderCell>
            <Table.HeaderCell>Template</Table.HeaderCell>
            {showOrder && <Table.HeaderCell>Order</Table.HeaderCell>}
            <Table.HeaderCell>Time</Table.HeaderCell>
            <Table.HeaderCell>Error</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {emails.map((email) => (
            <Table.Row key={email.id} data-testid="email-row">
              <Table.Cell>
                <Badge size="2xsmall" color={STATUS_COLOR[email.status]}>
                  {STATUS_LABEL[email.status]}
                </Badge>
              </Table.Cell>
              <Table.Cell>{email.recipient}</Table.Cell>
              <Table.Cell>{email.template}</Table.Cell>
              {showOrder && (
                <Table.Cell>
                  {email.order_id ? <a href={`/app/orders/${email.order_id}`}>{email.order_id.slice(-8)}</a> : "—"}
                </Table.Cell>
              )}
              <Table.Cell>{when(email.sent_at ?? email.created_at)}</Table.Cell>
              <Table.Cell className="max-w-[240px] truncate" title={email.last_error ?? ""}>
                {email.last_error ?? ""}
              </Table.Cell>
              <Table.Cell className="flex gap-2">
                <Button size="small" variant="secondary" onClick={() => setPreview(email.id)}>
                  Preview
                </Button>
                <Button size="small" variant="secondary" isLoading={busy === email.id} onClick={() => resend(email.id)}>
                  Resend
                </Button>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <EmailPreview id={preview} onClose={() => setPreview(null)} />
    </>
  )
}
