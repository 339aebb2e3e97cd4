import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { markOfflinePaymentPaidWorkflow } from "../../../../../../workflows/mark-offline-payment-paid"
import { orderOfflinePayment } from "../../../../../../utils/order-offline-payment"

/** "Mark as paid": the merchant received the transfer (or the courier the cash); captures the payment in full. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await markOfflinePaymentPaidWorkflow(req.scope).run({
    input: { order_id: req.params.id, captured_by: req.auth_context?.actor_id },
  })
  const { payment } = await orderOfflinePayment(req.scope, req.params.id)
  res.json({ offline_payment: payment })
}
