import { PaymentSessionStatus } from "@medusajs/framework/utils"
import type { PayPalAuthorization, PayPalCapture, PayPalOrder } from "./types"

/** The authorizations and captures PayPal reports on the order's first purchase unit (the only one it has). */
export function paymentsOf(order: PayPalOrder): { authorizations: PayPalAuthorization[]; captures: PayPalCapture[] } {
  const payments = order.purchase_units?.[0]?.payments ?? {}
  return { authorizations: payments.authorizations ?? [], captures: payments.captures ?? [] }
}

/** What a PayPal order means for Medusa's payment session, from its status and its first purchase unit. */
export function orderOutcome(order: PayPalOrder): {
  status: PaymentSessionStatus
  authorization?: PayPalAuthorization
  capture?: PayPalCapture
  problem?: string
} {
  const { authorizations, captures } = paymentsOf(order)
  const authorization = authorizations[0]
  const capture = captures[0]
  if (capture) {
    if (capture.status === "COMPLETED" || capture.status === "PARTIALLY_REFUNDED" || capture.status === "REFUNDED") {
      return { status: PaymentSessionStatus.CAPTURED, authorization, capture }
    }
    if (capture.status === "PENDING") {
      return { status: PaymentSessionStatus.PENDING, authorization, capture }
    }
    return { status: PaymentSessionStatus.ERROR, authorization, capture, problem: `PayPal capture ${capture.status}` }
  }
  if (authorization) {
    if (authorization.status === "CREATED" || authorization.status === "PENDING") {
      return { status: PaymentSessionStatus.AUTHORIZED, authorization }
    }
    return {
      status: PaymentSessionStatus.ERROR,
      authorization,
      problem: `PayPal authorization ${authorization.status}`,
    }
  }
  return { status: statusOfOrder(order) }
}

/** The session status of an order that has not been authorized or captured yet. */
export function statusOfOrder(order: PayPalOrder): PaymentSessionStatus {
  switch (order.status) {
    case "APPROVED":
    case "CREATED":
    case "SAVED":
      return PaymentSessionStatus.PENDING
    case "PAYER_ACTION_REQUIRED":
      return PaymentSessionStatus.REQUIRES_MORE
    case "VOIDED":
      return PaymentSessionStatus.CANCELED
    case "COMPLETED":
      return orderOutcome({ ...order, status: "APPROVED" }).status
    default:
      return PaymentSessionStatus.PENDING
  }
}
