import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Envelope } from "@medusajs/icons"
import { Button, Container, Heading, Input, Select, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { EmailTable } from "../../components/email-table"
import { call, type EmailSummary, STATUS_LABEL } from "../../lib/api"

const PAGE = 20
const TYPING_PAUSE_MS = 300

/** Every email the shop sent or keeps in its local mailbox, newest first, by page. */
const EmailsPage = () => {
  const [emails, setEmails] = useState<EmailSummary[]>([])
  const [count, setCount] = useState(0)
  const [offset, setOffset] = useState(0)
  const [status, setStatus] = useState<string>("all")
  const [draft, setDraft] = useState("")
  const [recipient, setRecipient] = useState("")
  const [error, setError] = useState<string | null>(null)

  // The list follows the recipient box once typing pauses, from its first page.
  useEffect(() => {
    const timer = setTimeout(() => {
      setOffset(0)
      setRecipient(draft.trim())
    }, TYPING_PAUSE_MS)
    return () => clearTimeout(timer)
  }, [draft])

  const load = useCallback(async () => {
    const filter =
      (status === "all" ? "" : `&status=${status}`) + (recipient ? `&recipient=${encodeURIComponent(recipient)}` : "")
    try {
      const body = await call<{ emails: EmailSummary[]; count: number }>(
        `/admin/emails?limit=${PAGE}&offset=${offset}${filter}`
      )
      setEmails(body.emails)
      setCount(body.count)
      setError(null)
    } catch (e) {
      setError((e as Error).message)
    }
  }, [offset, status, recipient])

  useEffect(() => {
    void load()
  }, [load])

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading>Emails</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            What the shop sent to customers and to you. Without an SMTP server they are stored here, not sent.
          </Text>
        </div>
        <div className="flex gap-2">
          <Input
            type="search"
            size="small"
            placeholder="Recipient's email"
            aria-label="Recipient's email"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          <div className="w-48">
            <Select
              value={status}
              onValueChange={(value) => {
                setOffset(0)
                setStatus(value)
              }}
            >
              <Select.Trigger>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="all">All statuses</Select.Item>
                {Object.entries(STATUS_LABEL).map(([value, label]) => (
                  <Select.Item key={value} value={value}>
                    {label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
        </div>
      </div>
      {error && <Text className="px-6 py-4 text-ui-fg-error">{error}</Text>}
      <EmailTable emails={emails} onChange={load} />
      <div className="flex items-center justify-between px-6 py-4">
        <Text size="small">{count ? `${offset + 1}–${Math.min(offset + PAGE, count)} of ${count}` : "0 emails"}</Text>
        <div className="flex gap-2">
          <Button
            size="small"
            variant="secondary"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE))}
          >
            Previous
          </Button>
          <Button
            size="small"
            variant="secondary"
            disabled={offset + PAGE >= count}
            onClick={() => setOffset(offset + PAGE)}
          >
            Next
          </Button>
        </div>
      </div>
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Emails", icon: Envelope })

export default EmailsPage
