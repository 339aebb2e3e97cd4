import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { orderOfflinePayment } from "../../utils/order-offline-payment"

/**
 * Checks that the order exists, is not canceled and has an offline payment still awaiting settlement, and
 * returns that payment's id. Reads only, so there is nothing to compensate.
 */
export const validateUnpaidOfflinePaymentStep = createStep(
  "validate-unpaid-offline-payment",
  async (input: { order_id: string }, { container }) => {
    const { order, payment } = await orderOfflinePayment(container, input.order_id)
    if (order.status === "canceled") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Order ${order.id} is canceled: it cannot be marked as paid`)
    }
    if (!payment) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Order ${order.id} was not paid by bank transfer or cash on delivery: use the payment provider's own capture`
      )
    }
    if (payment.status === "paid") {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Order ${order.id} is already marked as paid (${payment.reference})`
      )
    }
    if (payment.status === "canceled") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `The payment of order ${order.id} was canceled`)
    }
    return new StepResponse(payment.payment_id)
  }
)
