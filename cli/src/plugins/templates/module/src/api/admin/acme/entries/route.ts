import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ACME_MODULE } from "../../../../modules/acme"
import type { AcmeModuleService } from "../../../../modules/acme/service"

/** GET /admin/acme/entries: the module's entries (admin routes require an authenticated admin). */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const service = req.scope.resolve<AcmeModuleService>(ACME_MODULE)
  const [entries, count] = await service.listAndCountAcmeEntries({}, { take: 50, order: { created_at: "DESC" } })
  res.json({ entries, count })
}
