import type { MedusaContainer } from "@medusajs/framework/types"
import { EMAIL_LOG_MODULE, type EmailStatus } from "./constants"
import type EmailLogModuleService from "../modules/email-log/service"

export type EmailLogService = EmailLogModuleService

export function emailLog(container: MedusaContainer): EmailLogService {
  return container.resolve<EmailLogService>(EMAIL_LOG_MODULE)
}

/** A row of the log as the services return it. */
export interface EmailRow {
  id: string
  idempotency_key: string
  template: string
  recipient: string
  locale: string
  subject: string
  html: string
  text: string
  status: EmailStatus
  attempts: number
  next_attempt_at: Date | null
  sent_at: Date | null
  last_error: string | null
  external_id: string | null
  event_name: string | null
  order_id: string | null
  customer_id: string | null
  resent_from_id: string | null
  created_at: Date
}

/** PostgreSQL's unique violation, as MikroORM or the driver reports it. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string; name?: string }
  return (
    e?.code === "23505" ||
    e?.name === "UniqueConstraintViolationException" ||
    /already exists|duplicate key/i.test(e?.message ?? "")
  )
}
