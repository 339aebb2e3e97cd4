import crypto from "node:crypto"
import type { EmailStatus } from "./constants"

/**
 * One email per (event, the thing it is about, recipient, template): an event delivered twice, or two subscribers
 * racing, find the same key, and the log's unique index lets only one of them through. `subject` is what makes two
 * real occurrences different (an order id, a refund id, a reset token: hashed, never stored).
 */
export function emailKey(parts: { event: string; subject: string; to: string; template: string }): string {
  const digest = crypto.createHash("sha256").update(parts.subject).digest("hex").slice(0, 24)
  return `${parts.event}:${digest}:${parts.to.trim().toLowerCase()}:${parts.template}`
}

/** What a delivery attempt does with the row it found for its key. */
export type DeliveryDecision = "create" | "skip"

/**
 * No row: create it and deliver. Any row means the email exists already: `pending` or `retrying` rows belong to
 * the run or the retry job delivering them, and done ones (`sent`, `stored`, `failed`) stay done: an admin resend
 * makes a new row.
 */
export function decideDelivery(existing: { status: EmailStatus } | null | undefined): DeliveryDecision {
  return existing ? "skip" : "create"
}

/** Rows the retry job may pick up now. */
export function isDueForRetry(
  row: { status: EmailStatus; next_attempt_at: Date | string | null },
  now: Date = new Date()
): boolean {
  return (
    row.status === "retrying" &&
    row.next_attempt_at !== null &&
    new Date(row.next_attempt_at).getTime() <= now.getTime()
  )
}
