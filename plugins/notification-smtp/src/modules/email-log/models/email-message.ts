import { model } from "@medusajs/framework/utils"
import { EMAIL_STATUSES } from "../../../utils/constants"

/**
 * One email the shop sent or keeps: the local mailbox when no SMTP server is set, and the log of every send. The
 * rendered subject, HTML and text are kept, so the admin previews exactly what was sent and a resend or retry
 * delivers the same email.
 */
export const EmailMessage = model
  .define("email_message", {
    id: model.id({ prefix: "email" }).primaryKey(),
    /** Unique: an event delivered twice finds its row and sends nothing (see utils/idempotency.ts). */
    idempotency_key: model.text(),
    template: model.text(),
    recipient: model.text(),
    locale: model.text(),
    subject: model.text(),
    html: model.text(),
    text: model.text(),
    status: model.enum([...EMAIL_STATUSES]).default("pending"),
    attempts: model.number().default(0),
    next_attempt_at: model.dateTime().nullable(),
    sent_at: model.dateTime().nullable(),
    last_error: model.text().nullable(),
    /** What the SMTP server answered (its message id), or the local mailbox's id. */
    external_id: model.text().nullable(),
    event_name: model.text().nullable(),
    order_id: model.text().nullable(),
    customer_id: model.text().nullable(),
    /** The row this one resends, when an admin asked for it. */
    resent_from_id: model.text().nullable(),
  })
  .indexes([
    { on: ["idempotency_key"], unique: true, where: null },
    { on: ["order_id"] },
    { on: ["status", "next_attempt_at"] },
  ])
