import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { emailLog } from "../../../../utils/email-log"

/** GET /admin/emails/:id: one email with its rendered subject, HTML and text (404 for an unknown id). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const email = await emailLog(req.scope).retrieveEmailMessage(req.params.id)
  res.json({ email })
}
