import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { orderOfflinePayment } from "../../../../../utils/order-offline-payment"

/** The order's bank-transfer or cash-on-delivery payment (`offline_payment: null` when it has none). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { payment } = await orderOfflinePayment(req.scope, req.params.id)
  res.json({ offline_payment: payment })
}
