import type { Locale } from "../templates/i18n"
import type { TemplateData } from "../templates/types"

/** One email to send: what a subscriber hands the send workflow. */
export interface EmailRequest<T extends keyof TemplateData = keyof TemplateData> {
  template: T
  to: string
  locale: Locale
  data: TemplateData[T]
  /** See utils/idempotency.ts. */
  idempotency_key: string
  event_name: string
  order_id?: string | null
  customer_id?: string | null
}
