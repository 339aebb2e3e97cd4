import { z } from "@medusajs/framework/zod"

/**
 * The plugin's routes, described by the schemas that validate them. Tienda's API reference (/docs) lists these;
 * the shape is Tienda's `ApiOperation`, declared here without importing it.
 */

/** These actions take no input: anything in the body is a client mistake worth a clear 400. */
export const NoBody = z.object({}).strict()

const error = (description: string) => ({ description })
const unauthenticated = error("No admin session, bearer token or secret API key")
const OrderParams = z.object({ id: z.string().describe("The order (order_…)") })
const CartParams = z.object({ id: z.string().describe("The cart (cart_…)") })

const OfflinePayment = z
  .object({
    payment_id: z.string(),
    provider_id: z.string(),
    method: z.string(),
    reference: z.string().nullable(),
    status: z.enum(["awaiting", "paid", "canceled"]),
    amount: z.number(),
    captured_amount: z.number(),
    refunded_amount: z.number(),
    currency_code: z.string(),
    bank_account: z.record(z.string(), z.unknown()).nullable(),
    fee: z.record(z.string(), z.unknown()).nullable(),
    settled_at: z.string().nullable(),
  })
  .nullable()

const CartWithFee = z.object({
  cart: z
    .object({
      id: z.string(),
      currency_code: z.string(),
      total: z.number(),
      item_total: z.number(),
      items: z.array(
        z.object({ id: z.string(), title: z.string(), unit_price: z.number(), quantity: z.number() }).loose()
      ),
    })
    .loose(),
})

const cartErrors = {
  400: error("Missing or unknown publishable key, a body with any field, or the cart does not pay cash on delivery"),
  404: error("No cart with that id"),
}

export const operations = [
  {
    method: "GET",
    path: "/admin/orders/:id/offline-payment",
    audience: "admin" as const,
    tag: "Offline payments",
    summary: "The order's bank-transfer or cash-on-delivery payment",
    params: OrderParams,
    answers: {
      200: {
        description: "`offline_payment: null` when it has none",
        schema: z.object({ offline_payment: OfflinePayment }),
      },
      401: unauthenticated,
      404: error("No order with that id"),
    },
    examples: [{ summary: "An unknown order", params: { id: "order_01JZZZZZZZZZZZZZZZZZZZZZZZ" } }],
  },
  {
    method: "POST",
    path: "/admin/orders/:id/offline-payment/mark-paid",
    audience: "admin" as const,
    tag: "Offline payments",
    summary: "Mark as paid: the transfer (or the courier's cash) arrived",
    description: "Captures the payment in full.",
    params: OrderParams,
    body: NoBody,
    answers: {
      200: { description: "The payment, now paid", schema: z.object({ offline_payment: OfflinePayment }) },
      400: error("A body with any field, or the order has no offline payment awaiting"),
      401: unauthenticated,
      404: error("No order with that id"),
    },
    examples: [{ summary: "An unknown order", params: { id: "order_01JZZZZZZZZZZZZZZZZZZZZZZZ" }, body: {} }],
  },
  {
    method: "POST",
    path: "/store/carts/:id/cash-on-delivery",
    audience: "store" as const,
    tag: "Offline payments",
    summary: "The shopper chose cash on delivery: put the fee on the cart (once)",
    params: CartParams,
    body: NoBody,
    answers: { 200: { description: "The cart with its fee", schema: CartWithFee }, ...cartErrors },
    examples: [{ summary: "An unknown cart", params: { id: "cart_01JZZZZZZZZZZZZZZZZZZZZZZZ" }, body: {} }],
  },
  {
    method: "DELETE",
    path: "/store/carts/:id/cash-on-delivery",
    audience: "store" as const,
    tag: "Offline payments",
    summary: "The shopper switched to another payment method: take the fee off",
    params: CartParams,
    answers: { 200: { description: "The cart without the fee", schema: CartWithFee }, ...cartErrors },
    examples: [{ summary: "An unknown cart", params: { id: "cart_01JZZZZZZZZZZZZZZZZZZZZZZZ" } }],
  },
]
