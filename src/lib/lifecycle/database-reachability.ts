import { Client, type ClientConfig } from "pg"
import { unavailableDependencyOf } from "./dependency-unavailable"

/**
 * Whether this process can reach PostgreSQL right now, read from the connection pool Medusa shares rather than
 * asked per request. Medusa's pool does not give up when the server is gone: a request waits for a connection up to
 * knex's acquire timeout (60 s, which Medusa's config does not expose), so without this every request of an outage
 * hangs. With it, the edge answers 503 at once (src/api/edge/database-gate.ts) until a connection succeeds again.
 *
 * Unreachable: a new connection of the pool failed (`createFail`) and a connection of its own, made at once to the
 * same server, failed too, for want of a server (refused, timed out, shutting down; one failed attempt of the pool,
 * e.g. a connection cut while it was being made, is no outage). Reachable again: the pool made a connection (`createSuccess`), or one of the probes made every 500 ms
 * while unreachable succeeded.
 */

/** The parts of knex's connection and its tarn pool used here. */
interface WatchedConnection {
  client?: { pool?: PoolEvents; connectionSettings?: string | ClientConfig }
}
interface PoolEvents {
  on(event: "createFail" | "createSuccess", listener: (...args: unknown[]) => void): unknown
  removeListener(event: "createFail" | "createSuccess", listener: (...args: unknown[]) => void): unknown
}
/** Resolves when the database answered a query on a connection of its own, rejects otherwise. */
export type DatabaseProbe = () => Promise<void>

const PROBE_EVERY_MS = 500
const PROBE_TIMEOUT_MS = 2_000

let unreachableSince: number | undefined
let probeTimer: NodeJS.Timeout | undefined
let stopWatching: (() => void) | undefined

/** Since when (epoch ms) the database has been unreachable, or undefined while it is reachable. */
export function databaseUnreachableSince(): number | undefined {
  return unreachableSince
}

/** Watches the pool of `connection`; a later call (an app booted again in the same process) replaces the watch. */
export function watchDatabaseReachability(
  connection: WatchedConnection | undefined,
  log: { warn(message: string): void; info(message: string): void },
  probe: DatabaseProbe = probeWith(connection?.client?.connectionSettings)
): void {
  stopWatching?.()
  const pool = connection?.client?.pool
  if (!connection || !pool) {
    return
  }
  let probing = false
  let stopped = false
  const markReachable = () => {
    if (unreachableSince !== undefined) {
      log.info(`PostgreSQL reachable again after ${((Date.now() - unreachableSince) / 1000).toFixed(1)} s`)
      unreachableSince = undefined
      clearInterval(probeTimer)
      probeTimer = undefined
    }
  }
  const markUnreachable = (error: unknown) => {
    // A refusal that is no outage (a database that does not exist, a wrong password) is left to the requests'
    // own errors: answering 503 "retry in a few seconds" would hide it.
    if (unavailableDependencyOf(error) === undefined) {
      return
    }
    if (unreachableSince === undefined && !stopped) {
      unreachableSince = Date.now()
      log.warn(`PostgreSQL unreachable (${(error as Error)?.message ?? error}): answering 503 until it is back`)
      probeTimer = setInterval(probeNow, PROBE_EVERY_MS)
      probeTimer.unref()
    }
  }
  // One probe at a time: it confirms a failure of the pool, and while unreachable it finds the way back.
  function probeNow() {
    if (probing) {
      return
    }
    probing = true
    probe()
      .then(markReachable, markUnreachable)
      .finally(() => (probing = false))
  }
  const onCreateFail = () => {
    if (unreachableSince === undefined) {
      probeNow()
    }
  }
  pool.on("createFail", onCreateFail)
  pool.on("createSuccess", markReachable)
  stopWatching = () => {
    stopped = true
    pool.removeListener("createFail", onCreateFail)
    pool.removeListener("createSuccess", markReachable)
    clearInterval(probeTimer)
    probeTimer = undefined
    unreachableSince = undefined
  }
}

/** A probe on a connection of its own, with the pool's settings: it never waits behind the pool's queue. */
function probeWith(settings: string | ClientConfig | undefined): DatabaseProbe {
  return async () => {
    if (!settings) {
      throw new Error("no connection settings to probe with")
    }
    const config = typeof settings === "string" ? { connectionString: settings } : settings
    const client = new Client({ ...config, connectionTimeoutMillis: PROBE_TIMEOUT_MS, query_timeout: PROBE_TIMEOUT_MS })
    // A server that goes away mid-probe emits 'error' on the client: the failed query already says so.
    client.on("error", () => undefined)
    try {
      await client.connect()
      await client.query("select 1")
    } finally {
      await client.end().catch(() => undefined)
    }
  }
}
