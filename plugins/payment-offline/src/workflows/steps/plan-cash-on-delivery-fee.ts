import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { type CashOnDeliveryFeePlan, planCashOnDeliveryFee } from "../../utils/cash-on-delivery-fee"
import { pluginOptions } from "../../utils/plugin-options"

export type { CashOnDeliveryFeePlan }

/**
 * Decides which fee line items to remove and whether to add one, so that a cart paying cash on delivery carries
 * exactly one fee line at the configured price and any other cart carries none. Reads only.
 */
export const planCashOnDeliveryFeeStep = createStep(
  "plan-cash-on-delivery-fee",
  async (input: { cart: any; cart_id: string; apply: boolean }, { container }) => {
    const cart = input.cart
    if (!cart) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id "${input.cart_id}" was not found`)
    }
    if (cart.completed_at) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${cart.id} is already completed`)
    }
    const fee = input.apply ? (pluginOptions(container).cashOnDeliveryFee[cart.currency_code] ?? 0) : 0
    return new StepResponse(planCashOnDeliveryFee(cart.items, fee))
  }
)
