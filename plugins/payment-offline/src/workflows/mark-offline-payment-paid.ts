import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { validateUnpaidOfflinePaymentStep } from "./steps/validate-unpaid-offline-payment"

export interface MarkOfflinePaymentPaidInput {
  order_id: string
  /** The admin user who saw the money arrive (kept on the capture). */
  captured_by?: string
}

/**
 * "Mark as paid": captures the order's bank-transfer or cash-on-delivery payment in full through Medusa's own
 * capture workflow, so the order's payment status, transactions and events are exactly those of any capture.
 */
export const markOfflinePaymentPaidWorkflow = createWorkflow(
  "mark-offline-payment-paid",
  (input: MarkOfflinePaymentPaidInput) => {
    const paymentId = validateUnpaidOfflinePaymentStep({ order_id: input.order_id })
    const captureInput = transform({ paymentId, input }, ({ paymentId, input }) => ({
      payment_id: paymentId,
      captured_by: input.captured_by,
    }))
    const payment = capturePaymentWorkflow.runAsStep({ input: captureInput })
    return new WorkflowResponse(payment)
  }
)
