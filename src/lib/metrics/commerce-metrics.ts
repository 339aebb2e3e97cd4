import { Counter, Gauge, Histogram } from "prom-client"
import { metricsRegistry } from "./registry"

const registers = [metricsRegistry]

export const ordersPlaced = new Counter({
  name: "tienda_orders_placed_total",
  help: "Orders placed (Medusa's order.placed events handled by this process)",
  registers,
})

/** How a cart completion ended, as its answer tells the shopper. */
export type CartCompletionOutcome = "order" | "out_of_stock" | "payment_declined" | "busy" | "invalid" | "error"

export const cartCompletions = new Counter({
  name: "tienda_cart_completions_total",
  help: "Cart completions by outcome: order, out_of_stock, payment_declined, busy (queue full), invalid, error",
  labelNames: ["outcome"] as const,
  registers,
})

export const paymentOperations = new Counter({
  name: "tienda_payment_operations_total",
  help: "Payment provider calls (authorize, capture, refund) by provider and outcome",
  labelNames: ["provider", "operation", "outcome"] as const,
  registers,
})

export const checkoutQueueDepth = new Gauge({
  name: "tienda_checkout_queue_depth",
  help: "Cart completions waiting for a checkout slot in this process",
  registers,
})

export const checkoutQueueWait = new Histogram({
  name: "tienda_checkout_queue_wait_seconds",
  help: "Time a cart completion waited for its checkout slot",
  buckets: [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers,
})
