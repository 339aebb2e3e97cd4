import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { OrderEmail } from "../templates/types"

export const ORDER_FIELDS = [
  "id",
  "display_id",
  "email",
  "currency_code",
  "locale",
  "metadata",
  "customer_id",
  "customer.first_name",
  "customer.last_name",
  "customer.metadata",
  "items.id",
  "items.title",
  "items.product_title",
  "items.variant_title",
  "items.quantity",
  "items.unit_price",
  "items.subtotal",
  "item_subtotal",
  "shipping_subtotal",
  "discount_subtotal",
  "tax_total",
  "total",
  "shipping_methods.name",
  "shipping_address.*",
  "payment_collections.payments.provider_id",
  "payment_collections.payments.created_at",
  "payment_collections.payments.data",
]

/** "pp_bank-transfer_offline" → "bank-transfer", "pp_stripe_stripe" → "stripe". */
export function paymentMethodOf(providerId: string | null | undefined): string | null {
  const match = /^pp_(.+)_[^_]+$/.exec(providerId ?? "")
  return match ? match[1] : (providerId ?? null)
}

export function fullName(person: { first_name?: string | null; last_name?: string | null } | null | undefined): string {
  return [person?.first_name, person?.last_name].filter(Boolean).join(" ").trim()
}

/** Where the order's language comes from: the order's locale (the cart's), then the customer's metadata. */
export function orderLocaleCandidates(order: any): (string | null | undefined)[] {
  return [order.locale, order.metadata?.locale, order.customer?.metadata?.locale]
}

/**
 * The order as the templates show it. Bank details and the payment reference come from the payment's own data,
 * written by the offline payment provider at checkout (`bank_account`, `reference`), so they are there at once,
 * before any other `order.placed` subscriber ran.
 */
export function toOrderEmail(order: any): OrderEmail {
  const payments = (order.payment_collections ?? [])
    .flatMap((collection: any) => collection?.payments ?? [])
    .sort((a: any, b: any) => new Date(b.created_at).getTime() - new Date(a.created_at).getTime())
  const payment = payments[0]
  const bank = payment?.data?.bank_account
  const address = order.shipping_address
  return {
    id: order.id,
    display_id: String(order.display_id ?? order.id),
    email: order.email ?? "",
    customer_name: fullName(order.customer) || fullName(address),
    currency_code: order.currency_code,
    items: (order.items ?? []).map((item: any) => ({
      title: item.product_title || item.title,
      variant: item.variant_title,
      quantity: item.quantity,
      unit_price: item.unit_price,
      total: item.subtotal,
    })),
    subtotal: order.item_subtotal,
    shipping_total: order.shipping_subtotal,
    discount_total: order.discount_subtotal,
    tax_total: order.tax_total,
    total: order.total,
    shipping_methods: (order.shipping_methods ?? []).map((method: any) => method.name).filter(Boolean),
    shipping_address: address ? { ...address, name: fullName(address) || null } : null,
    payment_method: paymentMethodOf(payment?.provider_id),
    bank_transfer: bank?.iban
      ? {
          account_holder: bank.account_holder,
          iban: bank.iban,
          bic: bank.bic,
          bank_name: bank.bank_name,
          reference: payment.data.reference ?? order.metadata?.payment_reference,
        }
      : null,
  }
}

/** The order with everything its emails show, or null when it does not exist. */
export async function loadOrder(container: MedusaContainer, orderId: string): Promise<any> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: orderId } })
  return data[0] ?? null
}
