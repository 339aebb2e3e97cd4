import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/**
 * A per-process queue in front of `POST /store/carts/:id/complete`. Without it, 50 simultaneous completions each hold
 * a database connection while they wait for the PostgreSQL advisory lock on the stock (`locking-postgres`), the pool
 * (10 connections) runs dry, and every checkout stalls until time-outs turn into 500s (measured: 120 s, then
 * "Knex: Timeout acquiring a connection"). With at most TIENDA_CHECKOUT_CONCURRENCY completions at a time (default 4)
 * the others wait their turn; one that waited longer than TIENDA_CHECKOUT_QUEUE_TIMEOUT_MS (default 60,000) gets a
 * 409 with Retry-After instead of a 5xx.
 */
let running = 0
const waiting: Array<() => void> = []

function setting(name: string, fallback: number): number {
  const value = Number(process.env[name])
  return Number.isInteger(value) && value > 0 ? value : fallback
}

function release(): void {
  running--
  const nextInLine = waiting.shift()
  if (nextInLine) {
    running++
    nextInLine()
  }
}

export function queueCheckout(_req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
  const start = () => {
    let released = false
    const done = () => {
      if (!released) {
        released = true
        release()
      }
    }
    res.once("finish", done)
    res.once("close", done)
    next()
  }
  if (running < setting("TIENDA_CHECKOUT_CONCURRENCY", 4)) {
    running++
    return start()
  }
  const timer = setTimeout(() => {
    const index = waiting.indexOf(enter)
    if (index >= 0) {
      waiting.splice(index, 1)
    }
    res.setHeader("Retry-After", "2")
    res.status(409).json({ type: "conflict", code: "invalid_state_error", message: "Checkout is busy right now; retry in a moment." })
  }, setting("TIENDA_CHECKOUT_QUEUE_TIMEOUT_MS", 60_000))
  const enter = () => {
    clearTimeout(timer)
    start()
  }
  waiting.push(enter)
}
