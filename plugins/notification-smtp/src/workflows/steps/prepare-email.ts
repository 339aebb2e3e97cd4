import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { renderEmail } from "../../templates/templates"
import { brandOf } from "../../utils/brand"
import { emailLog, isUniqueViolation } from "../../utils/email-log"
import type { EmailRequest } from "../../utils/email-request"
import { decideDelivery } from "../../utils/idempotency"
import { pluginOptions } from "../../utils/plugin-options"

/**
 * Renders the email and writes it to the log as `pending`, unless its idempotency key is there already (the event
 * came twice): then it answers `null` and nothing is sent. The key's unique index settles two runs at once.
 */
export const prepareEmailStep = createStep(
  "notification-smtp-prepare-email",
  async (request: EmailRequest, { container }) => {
    const log = emailLog(container)
    const [existing] = await log.listEmailMessages({ idempotency_key: request.idempotency_key }, { take: 1 })
    if (decideDelivery(existing) === "skip") {
      return new StepResponse<string | null>(null)
    }
    const brand = await brandOf(container, pluginOptions(container))
    const rendered = renderEmail(request.template, request.data as never, { brand, locale: request.locale })
    try {
      const row = await log.createEmailMessages({
        idempotency_key: request.idempotency_key,
        template: request.template,
        recipient: request.to,
        locale: request.locale,
        ...rendered,
        status: "pending",
        event_name: request.event_name,
        order_id: request.order_id ?? null,
        customer_id: request.customer_id ?? null,
      })
      return new StepResponse<string | null>(row.id)
    } catch (error) {
      if (isUniqueViolation(error)) {
        return new StepResponse<string | null>(null)
      }
      throw error
    }
  }
)
