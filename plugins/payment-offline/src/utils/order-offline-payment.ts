import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { type OfflineMethod, offlineMethodOf } from "./constants"

export interface OfflinePaymentSummary {
  payment_id: string
  provider_id: string
  method: OfflineMethod
  reference: string | null
  status: "awaiting" | "paid" | "canceled"
  amount: number
  captured_amount: number
  refunded_amount: number
  currency_code: string
  bank_account: Record<string, unknown> | null
  fee: Record<string, unknown> | null
  settled_at: string | null
}

export interface OrderWithOfflinePayment {
  order: {
    id: string
    status: string
    display_id?: number
    created_at?: string | Date
    currency_code: string
    metadata: Record<string, unknown> | null
  }
  payment: OfflinePaymentSummary | null
}

const FIELDS = [
  "id",
  "status",
  "display_id",
  "created_at",
  "currency_code",
  "metadata",
  "payment_collections.payments.id",
  "payment_collections.payments.provider_id",
  "payment_collections.payments.amount",
  "payment_collections.payments.currency_code",
  "payment_collections.payments.captured_at",
  "payment_collections.payments.canceled_at",
  "payment_collections.payments.created_at",
  "payment_collections.payments.data",
  "payment_collections.payments.captures.amount",
  "payment_collections.payments.refunds.amount",
]

function sum(items: { amount: unknown }[] | undefined): number {
  return MathBN.convert((items ?? []).reduce((total: any, item) => MathBN.add(total, item.amount as any), 0)).toNumber()
}

/** Summarises one payment row for the admin: what was promised, what arrived, the reference to look for. */
export function summarisePayment(payment: any): OfflinePaymentSummary | null {
  const method = offlineMethodOf(payment?.provider_id)
  if (!method) {
    return null
  }
  const data = payment.data ?? {}
  return {
    payment_id: payment.id,
    provider_id: payment.provider_id,
    method,
    reference: data.reference ?? null,
    status: payment.canceled_at ? "canceled" : payment.captured_at ? "paid" : "awaiting",
    amount: MathBN.convert(payment.amount).toNumber(),
    captured_amount: sum(payment.captures),
    refunded_amount: sum(payment.refunds),
    currency_code: payment.currency_code,
    bank_account: data.bank_account ?? null,
    fee: data.fee ?? null,
    // When the merchant recorded the money (Mark as paid captures it): Medusa's own record, not session data.
    settled_at: payment.captured_at ? new Date(payment.captured_at).toISOString() : null,
  }
}

/** The order and its offline payment (the newest one), or a 404 naming the order. */
export async function orderOfflinePayment(
  container: MedusaContainer,
  orderId: string
): Promise<OrderWithOfflinePayment> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: FIELDS, filters: { id: orderId } })
  const order = data[0]
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id "${orderId}" was not found`)
  }
  const payments = (order.payment_collections ?? [])
    .flatMap((collection: any) => collection?.payments ?? [])
    .filter((payment: any) => offlineMethodOf(payment?.provider_id))
    .sort((a: any, b: any) => new Date(b.created_at).getTime() - new Date(a.created_at).getTime())
  return {
    order: {
      id: order.id,
      status: order.status,
      display_id: order.display_id,
      created_at: order.created_at,
      currency_code: order.currency_code,
      metadata: order.metadata ?? null,
    },
    payment: payments.length ? summarisePayment(payments[0]) : null,
  }
}
