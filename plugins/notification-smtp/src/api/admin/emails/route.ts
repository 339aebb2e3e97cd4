import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { emailLog } from "../../../utils/email-log"
import { EmailListQuery, LIST_FIELDS, parseOrRefuse } from "./query"

/** GET /admin/emails: the email log, newest first, with filters (status, template, order, customer, recipient). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { limit, offset, ...filters } = parseOrRefuse(EmailListQuery, req.query)
  const where = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined))
  const [emails, count] = await emailLog(req.scope).listAndCountEmailMessages(where, {
    select: [...LIST_FIELDS],
    take: limit,
    skip: offset,
    order: { created_at: "DESC" },
  })
  res.json({ emails, count, limit, offset })
}
