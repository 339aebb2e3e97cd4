/** Admin API calls with the logged-in merchant's session cookie; a failure throws the server's message. */
export async function call<T = any>(path: string, init?: RequestInit): Promise<T> {
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

export interface EmailSummary {
  id: string
  template: string
  recipient: string
  subject: string
  status: "pending" | "stored" | "sent" | "retrying" | "failed"
  attempts: number
  next_attempt_at: string | null
  sent_at: string | null
  last_error: string | null
  order_id: string | null
  customer_id: string | null
  created_at: string
}

export const STATUS_COLOR = {
  pending: "blue",
  stored: "purple",
  sent: "green",
  retrying: "orange",
  failed: "red",
} as const
export const STATUS_LABEL = {
  pending: "Sending",
  stored: "Stored locally",
  sent: "Sent",
  retrying: "Retrying",
  failed: "Failed",
}

export const when = (value: string | null) => (value ? new Date(value).toLocaleString() : "—")
