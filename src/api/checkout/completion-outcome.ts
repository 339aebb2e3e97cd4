import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cartCompletions, metricsEnabled, type CartCompletionOutcome } from "../../lib/metrics"

type Answer = { type?: unknown; error?: { type?: unknown }; message?: unknown } | undefined

const PAYMENT_ERRORS = new Set(["payment_authorization_error", "payment_requires_more_error"])
// Medusa answers an unreservable cart with a 400 whose message names the inventory or stock.
const OUT_OF_STOCK = /inventory|stock/i

/** How a cart completion ended, read from its answer as the shopper gets it. */
export function completionOutcomeOf(status: number, body: Answer): CartCompletionOutcome {
  if (status === 200 && body?.type === "order") {
    return "order"
  }
  if (status === 200 && PAYMENT_ERRORS.has(String(body?.error?.type))) {
    return "payment_declined"
  }
  if (status === 409 || status === 429) {
    return "busy"
  }
  if (status >= 400 && status < 500) {
    return typeof body?.message === "string" && OUT_OF_STOCK.test(body.message) ? "out_of_stock" : "invalid"
  }
  return "error"
}

/** Counts each `POST /store/carts/:id/complete` by outcome (tienda_cart_completions_total), refusals included. */
export function countCompletionOutcome(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
  if (!metricsEnabled()) {
    return next()
  }
  let body: Answer
  const json = res.json.bind(res)
  res.json = ((value: unknown) => {
    body = value as Answer
    return json(value)
  }) as typeof res.json
  res.once("finish", () => cartCompletions.inc({ outcome: completionOutcomeOf(res.statusCode, body) }))
  next()
}
