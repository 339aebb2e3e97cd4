import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { settings } from "../../lib/settings"
import { checkoutQueueDepth, checkoutQueueWait, onScrape } from "../../lib/metrics"
import { clientAddressOf } from "../edge/client-address"
import { CheckoutLine, type CheckoutLineLimits, type Refusal } from "./checkout-line"

/**
 * `POST /store/carts/:id/complete` waits its turn in a per-process line (checkout-line.ts). Settings
 * (src/lib/settings/groups/checkout.ts): TIENDA_CHECKOUT_CONCURRENCY (4 at once), TIENDA_CHECKOUT_QUEUE_MAX (100 waiting), TIENDA_CHECKOUT_PER_ADDRESS
 * (20 places per client address), TIENDA_CHECKOUT_QUEUE_TIMEOUT_MS (60,000: a caller who waited longer gets 409).
 * Refusals carry Retry-After: 409 when the cart is already being completed or the line is full, 429 when the
 * address holds too many places. A caller who disconnects while waiting leaves the line.
 */
const line = new CheckoutLine(currentLimits)
onScrape(() => checkoutQueueDepth.set(line.stats.waiting))
const RUNNING_PLACE_GUARD_MS = 5 * 60_000

export function checkoutLineStats(): { running: number; waiting: number } {
  return line.stats
}

// Asked on every join, so a test that resets the settings sees its own limits.
function currentLimits(): CheckoutLineLimits {
  const { concurrency, maxWaiting, perAddress } = settings().checkout
  return { concurrency, maxWaiting, perAddress }
}

const REFUSALS: Record<Refusal, { status: number; type: string; message: string }> = {
  cart_busy: { status: 409, type: "conflict", message: "This cart is already being completed; retry in a moment." },
  line_full: { status: 409, type: "conflict", message: "Checkout is busy right now; retry in a moment." },
  address_busy: {
    status: 429,
    type: "too_many_requests",
    message: "Too many checkouts from this address at once; retry in a moment.",
  },
}

function refuse(res: MedusaResponse, refusal: Refusal): void {
  const { status, type, message } = REFUSALS[refusal]
  res.setHeader("Retry-After", "2")
  res.status(status).json({ type, code: status === 409 ? "invalid_state_error" : refusal, message })
}

export function queueCheckout(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
  const place = line.join(String(req.params.id), clientAddressOf(req))
  if (typeof place === "string") {
    return refuse(res, place)
  }
  const joined = process.hrtime.bigint()
  const timer = setTimeout(() => {
    if (!place.running) {
      place.leave()
      refuse(res, "line_full")
    }
  }, settings().checkout.queueTimeoutMs)
  let closed = false
  res.once("close", () => {
    closed = true
    clearTimeout(timer)
    if (!place.running) {
      // Hung up while waiting: the place goes to the next in line.
      place.leave()
    } else {
      // Hung up while the completion runs: it still holds its database connection and its cart, so the place is kept
      // until the route answers (below); the timer only guards against a route that never does.
      setTimeout(place.leave, RUNNING_PLACE_GUARD_MS).unref()
    }
  })
  void place.turn.then(() => {
    clearTimeout(timer)
    if (closed || res.headersSent) {
      // Hung up (or timed out) while waiting: the completion never starts.
      return place.leave()
    }
    checkoutQueueWait.observe(Number(process.hrtime.bigint() - joined) / 1e9)
    // The route is done when it answers, whether or not the caller is still there to read it.
    const end = res.end.bind(res) as (...a: unknown[]) => MedusaResponse
    res.end = function (...args: unknown[]) {
      place.leave()
      return end(...args)
    } as typeof res.end
    next()
  })
}
