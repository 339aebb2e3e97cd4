import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { CASH_ON_DELIVERY, COD_FEE_METADATA_KEY, offlineMethodOf } from "./constants"
import { pluginOptions } from "./plugin-options"

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

interface CartItem {
  id: string
  quantity: number | string
  unit_price: number | string
  metadata?: Record<string, unknown> | null
}

/**
 * Which fee line items to remove and whether to add one, so that the cart carries exactly one fee line at `fee`
 * (or none when `fee` is 0). Pure: the store route, the completion middleware and the completion check share it.
 */
export function planCashOnDeliveryFee(items: CartItem[] | undefined | null, fee: number): CashOnDeliveryFeePlan {
  const feeItems = (items ?? []).filter((item) => item?.metadata?.[COD_FEE_METADATA_KEY])
  const keep =
    fee > 0 ? feeItems.find((item) => Number(item.unit_price) === fee && Number(item.quantity) === 1) : undefined
  return {
    remove: feeItems.filter((item) => item !== keep).map((item) => item.id),
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
}

export function feeIsInPlace(plan: CashOnDeliveryFeePlan): boolean {
  return plan.remove.length === 0 && !plan.add
}

/** Session statuses Medusa completes a cart with (its validateCartPaymentsStep). */
const PROCESSABLE = new Set(["pending", "requires_more", "authorized", "captured", "pending_authorization"])

/** The cart's cash-on-delivery session that completing it would use, if it pays that way. */
export function cashOnDeliverySessionOf(
  sessions: { id: string; provider_id: string; status: string }[] | undefined | null
): { id: string; provider_id: string } | undefined {
  return (sessions ?? []).find(
    (session) => PROCESSABLE.has(session?.status) && offlineMethodOf(session.provider_id) === CASH_ON_DELIVERY
  )
}

/**
 * Throws (400) when a cart about to be completed pays cash on delivery without exactly its configured fee. `cart`
 * is the cart as `completeCartWorkflow` read it (items, payment collection and sessions).
 */
export function requireCashOnDeliveryFee(cart: any, container: MedusaContainer): void {
  if (!cart || cart.completed_at || !cashOnDeliverySessionOf(cart.payment_collection?.payment_sessions)) {
    return
  }
  const fee = pluginOptions(container).cashOnDeliveryFee[cart.currency_code] ?? 0
  if (!feeIsInPlace(planCashOnDeliveryFee(cart.items, fee))) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Cash on delivery in ${String(cart.currency_code).toUpperCase()} carries a fee of ${fee}: add it with ` +
        `POST /store/carts/${cart.id}/cash-on-delivery, start the cash-on-delivery payment again, then complete the cart`
    )
  }
}
