import { Button, Drawer, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { call } from "../lib/api"

interface EmailDetail {
  id: string
  subject: string
  recipient: string
  html: string
  text: string
}

/**
 * The rendered email in a sandboxed iframe (no scripts, no same-origin access: the HTML holds shopper-typed text,
 * escaped, but the dashboard never trusts it), its plain-text part below.
 */
export const EmailPreview = ({ id, onClose }: { id: string | null; onClose: () => void }) => {
  const [email, setEmail] = useState<EmailDetail | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    setEmail(null)
    setError(null)
    if (id) {
      call<{ email: EmailDetail }>(`/admin/emails/${id}`).then(
        (body) => setEmail(body.email),
        (e) => setError(e.message)
      )
    }
  }, [id])

  return (
    <Drawer open={Boolean(id)} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content data-testid="email-preview">
        <Drawer.Header>
          <Drawer.Title>{email?.subject ?? "Email"}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-3 overflow-auto">
          {error && <Text className="text-ui-fg-error">{error}</Text>}
          {email && (
            <>
              <Text size="small">To: {email.recipient}</Text>
              <iframe
                title="Email preview"
                sandbox=""
                srcDoc={email.html}
                className="h-[480px] w-full rounded border"
              />
              <pre className="whitespace-pre-wrap rounded border p-3 text-xs">{email.text}</pre>
            </>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Button variant="secondary" onClick={onClose}>
            Close
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
