import { databasePoolConnections, databasePoolMax, databasePoolPendingAcquires } from "./medusa-metrics"
import { onScrape } from "./exposition"

/** The parts of knex's tarn pool read here. */
interface TarnPool {
  numUsed(): number
  numFree(): number
  numPendingAcquires(): number
  max: number
}

let stopObserving: (() => void) | undefined

/**
 * Reads the PostgreSQL pool Medusa's modules share (knex's tarn pool) at each scrape: connections in use and idle,
 * queries waiting for one, and the limit — the saturation signal of a shop under load.
 */
export function observeDatabasePool(connection: unknown): void {
  // One pool per process: an app booted again in the same process (tests) replaces the previous reading.
  stopObserving?.()
  stopObserving = onScrape(() => {
    const pool = (connection as { client?: { pool?: TarnPool } })?.client?.pool
    if (!pool) {
      return
    }
    databasePoolConnections.set({ state: "in_use" }, pool.numUsed())
    databasePoolConnections.set({ state: "idle" }, pool.numFree())
    databasePoolPendingAcquires.set(pool.numPendingAcquires())
    databasePoolMax.set(pool.max)
  })
}
