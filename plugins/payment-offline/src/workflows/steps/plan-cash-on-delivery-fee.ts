import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { COD_FEE_METADATA_KEY, CASH_ON_DELIVERY } from "../../utils/constants"
import { pluginOptions } from "../../utils/plugin-options"

export interface CashOnDeliveryFeePlan {
  remove: string[]
  add: {
    title: string
    quantity: number
    unit_price: number
    is_custom_price: boolean
    requires_shipping: boolean
    metadata: Record<string, string>
  } | null
}

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
    const fee = input.apply ? pluginOptions(container).cashOnDeliveryFee[cart.currency_code] ?? 0 : 0
    const feeItems = (cart.items ?? []).filter((item: any) => item?.metadata?.[COD_FEE_METADATA_KEY])
    const keep = fee > 0 ? feeItems.find((item: any) => Number(item.unit_price) === fee && item.quantity === 1) : undefined
    const plan: CashOnDeliveryFeePlan = {
      remove: feeItems.filter((item: any) => item !== keep).map((item: any) => item.id),
      add:
        fee > 0 && !keep
          ? {
              title: "Cash on delivery fee",
              quantity: 1,
              unit_price: fee,
              is_custom_price: true,
              requires_shipping: false,
              metadata: { [COD_FEE_METADATA_KEY]: CASH_ON_DELIVERY },
            }
          : null,
    }
    return new StepResponse(plan)
  }
)
