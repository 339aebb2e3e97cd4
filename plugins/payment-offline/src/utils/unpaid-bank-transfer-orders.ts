import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BANK_TRANSFER, offlineMethodOf } from "./constants"

const DAY_MS = 24 * 60 * 60 * 1000
const PAGE = 200

/**
 * Ids of orders placed before `now - days` that are still pending and whose every payment is an unsettled,
 * uncanceled bank transfer. Orders paid any other way, partly paid, or already fulfilled are never touched.
 */
export async function unpaidBankTransferOrders(
  container: MedusaContainer,
  days: number,
  now = new Date()
): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const cutoff = new Date(now.getTime() - days * DAY_MS)
  const ids: string[] = []
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "status",
        "fulfillments.id",
        "payment_collections.payments.provider_id",
        "payment_collections.payments.captured_at",
        "payment_collections.payments.canceled_at",
        "payment_collections.payments.captures.id",
      ],
      filters: { status: "pending", created_at: { $lt: cutoff } } as any,
      pagination: { skip, take: PAGE, order: { created_at: "ASC" } },
    })
    for (const order of data) {
      const payments = (order.payment_collections ?? []).flatMap((collection: any) => collection?.payments ?? [])
      const unpaidTransfer =
        payments.length > 0 &&
        payments.every(
          (payment: any) =>
            offlineMethodOf(payment.provider_id) === BANK_TRANSFER &&
            !payment.captured_at &&
            !payment.canceled_at &&
            !(payment.captures ?? []).length
        )
      if (unpaidTransfer && !(order.fulfillments ?? []).length) {
        ids.push(order.id)
      }
    }
    if (data.length < PAGE) {
      return ids
    }
  }
}
