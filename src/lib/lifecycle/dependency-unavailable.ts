/**
 * Whether an error means a service the shop depends on (PostgreSQL, Redis) could not be reached or went away, as
 * opposed to a bug or bad input: the request may succeed if sent again in a few seconds, so it is answered 503 with
 * Retry-After (a load balancer or client backs off) rather than 500. Drivers and ORMs wrap these errors, so the
 * error's `cause` chain is searched too.
 */
export type UnavailableDependency = "database" | "service"

// PostgreSQL SQLSTATEs: class 08 connection exceptions; 57P01–57P03 the server shutting down, crashed, starting up;
// 53300 too many connections.
const DATABASE_CODES = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/
const DATABASE_MESSAGES = [
  /Connection terminated/i,
  /Timeout acquiring a connection/i,
  /Client has encountered a connection error and is not queryable/i,
  /the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)/i,
  /terminating connection due to (administrator command|unexpected postmaster exit)/i,
  /server closed the connection unexpectedly/i,
]
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "EAI_AGAIN"])

export function unavailableDependencyOf(error: unknown): UnavailableDependency | undefined {
  let found: UnavailableDependency | undefined
  for (let current: any = error, depth = 0; current && depth < 6; current = current.cause, depth++) {
    const code = typeof current.code === "string" ? current.code : ""
    const message = typeof current.message === "string" ? current.message : ""
    if (DATABASE_CODES.test(code) || DATABASE_MESSAGES.some((pattern) => pattern.test(message))) {
      return "database"
    }
    if (NETWORK_CODES.has(code) || /\b(connect ECONNREFUSED|ECONNRESET|Connection is closed)\b/.test(message)) {
      found ??= "service"
    }
  }
  return found
}
