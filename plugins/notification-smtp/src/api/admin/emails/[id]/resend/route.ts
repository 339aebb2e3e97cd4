import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deliverEmail } from "../../../../../utils/deliver-email"
import { emailLog, type EmailRow } from "../../../../../utils/email-log"
import { pluginOptions } from "../../../../../utils/plugin-options"

/**
 * POST /admin/emails/:id/resend (empty body): the same rendered email again, as a new row of the log (the original
 * keeps its own history), delivered at once; the answer is the new row with its outcome.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const log = emailLog(req.scope)
  const original = (await log.retrieveEmailMessage(req.params.id)) as unknown as EmailRow
  const copy = await log.createEmailMessages({
    idempotency_key: `resend:${original.id}:${Date.now()}:${Math.random().toString(36).slice(2, 8)}`,
    template: original.template,
    recipient: original.recipient,
    locale: original.locale,
    subject: original.subject,
    html: original.html,
    text: original.text,
    status: "pending",
    event_name: "admin.resend",
    order_id: original.order_id,
    customer_id: original.customer_id,
    resent_from_id: original.id,
  })
  const email = await deliverEmail(req.scope, copy.id, pluginOptions(req.scope))
  res.status(201).json({ email: { ...email, html: undefined, text: undefined } })
}
