import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { emailLog } from "../../../utils/email-log"
import { EmailListQuery, LIST_FIELDS, parseOrRefuse } from "./query"

/** GET /admin/emails: the email log, newest first, with filters (status, template, order, customer, recipient). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { limit, offset, recipient, ...filters } = parseOrRefuse(EmailListQuery, req.query)
  const where: Record<string, unknown> = Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined)
  )
  if (recipient) {
    // The whole address in any case: a merchant types what the customer wrote, not how it was stored.
    where.recipient = { $ilike: escapeLike(recipient) }
  }
  const [emails, count] = await emailLog(req.scope).listAndCountEmailMessages(where, {
    select: [...LIST_FIELDS],
    take: limit,
    skip: offset,
    order: { created_at: "DESC" },
  })
  res.json({ emails, count, limit, offset })
}

/** `text` matched literally by ILIKE: its wildcards and the escape character stand for themselves. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`)
}
