import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { databaseUnreachableSince } from "../../lib/lifecycle/database-reachability"
import { routePathOf } from "./route-path"

/** Answered without the database: liveness, readiness (it reports the outage itself) and metrics. */
const WITHOUT_DATABASE = new Set(["/health", "/ready", "/metrics"])

/**
 * While this process cannot reach PostgreSQL (lib/lifecycle/database-reachability.ts), a request that needs it is
 * answered 503 `database_unavailable` with Retry-After at once, by the error handler, instead of waiting up to a
 * minute for a connection. Placed after the catalog cache, so cached catalog answers are still served.
 */
export function databaseGate(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction): void {
  if (databaseUnreachableSince() === undefined || WITHOUT_DATABASE.has(routePathOf(req).text)) {
    return next()
  }
  // SQLSTATE 08006 (connection failure): the error handler's mapping to 503 with Retry-After.
  next(Object.assign(new Error("PostgreSQL is unreachable"), { code: "08006" }))
}
