/**
 * The waiting line in front of cart completion, as plain logic (checkout-queue.ts puts it on the route).
 *
 * Without a line, 50 simultaneous completions each hold a database connection while they wait for the stock lock, the
 * pool (10 connections) runs dry and every checkout stalls (measured: 120 s, then "Knex: Timeout acquiring a
 * connection"). With a line, at most `concurrency` completions run at once and the others wait — but a line can be
 * held: so it is bounded, one cart is completed at most once at a time, one address holds at most a few places, and a
 * caller who hangs up leaves it.
 */
export interface CheckoutLineLimits {
  /** Completions running at once. */
  concurrency: number
  /** Callers waiting at most; past it, new ones are refused at once. */
  maxWaiting: number
  /** Places (running or waiting) one client address may hold. */
  perAddress: number
}

export type Refusal = "cart_busy" | "address_busy" | "line_full"

export interface Place {
  /** Resolves when the caller may run; never rejects. */
  readonly turn: Promise<void>
  /** Gives the place back: when done, or when the caller left or timed out while waiting. Idempotent. */
  leave: () => void
  readonly running: boolean
}

export class CheckoutLine {
  private runningCount = 0
  private readonly waiting: Array<() => void> = []
  private readonly carts = new Set<string>()
  private readonly addresses = new Map<string, number>()

  constructor(private readonly limits: () => CheckoutLineLimits) {}

  get stats(): { running: number; waiting: number } {
    return { running: this.runningCount, waiting: this.waiting.length }
  }

  /** A place in line for this cart and address, or why there is none. */
  join(cartId: string, address: string): Place | Refusal {
    const limits = this.limits()
    if (this.carts.has(cartId)) {
      return "cart_busy"
    }
    if ((this.addresses.get(address) ?? 0) >= limits.perAddress) {
      return "address_busy"
    }
    const runsNow = this.runningCount < limits.concurrency
    if (!runsNow && this.waiting.length >= limits.maxWaiting) {
      return "line_full"
    }
    this.carts.add(cartId)
    this.addresses.set(address, (this.addresses.get(address) ?? 0) + 1)

    let state: "waiting" | "running" | "gone" = "waiting"
    let start!: () => void
    const turn = new Promise<void>((resolve) => {
      start = () => {
        state = "running"
        this.runningCount++
        resolve()
      }
    })
    const leave = () => {
      if (state === "gone") {
        return
      }
      if (state === "running") {
        this.runningCount--
      } else {
        const index = this.waiting.indexOf(start)
        if (index >= 0) this.waiting.splice(index, 1)
      }
      state = "gone"
      this.carts.delete(cartId)
      const held = (this.addresses.get(address) ?? 1) - 1
      if (held > 0) this.addresses.set(address, held)
      else this.addresses.delete(address)
      this.admit()
    }
    if (runsNow) start()
    else this.waiting.push(start)
    return {
      turn,
      leave,
      get running() {
        return state === "running"
      },
    }
  }

  private admit(): void {
    while (this.waiting.length > 0 && this.runningCount < this.limits().concurrency) {
      this.waiting.shift()!()
    }
  }
}
