import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import {
  ADMIN_LIMITS,
  bodyProblem,
  type HygieneLimits,
  malformedEncoding,
  orderProblem,
  paginationProblem,
  queryProblem,
  STORE_LIMITS,
  stringProblem,
} from "./hygiene-rules"
import { routePathOf } from "../edge/route-path"

/**
 * Tienda's one edge validator, mounted for every request (see middlewares.ts): the path, the query string and the
 * JSON body are checked before any Medusa validator or route sees them. A problem is a 400 naming the parameter.
 *
 * Admin list requests above the `limit` ceiling are clamped rather than refused, because Medusa's own dashboard asks
 * for `limit=9999` (regions, categories, stock locations) and must keep working.
 */
export function requestHygiene(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction): void {
  const url = req.originalUrl || req.url
  // The admin's looser limits go with the route Express dispatches: `/ADMIN/…` is the admin API too.
  const isAdmin = routePathOf(req).lower[0] === "admin"
  const limits: HygieneLimits = isAdmin ? ADMIN_LIMITS : STORE_LIMITS
  const problem =
    pathProblem(url, limits) ??
    rawQueryProblem(url) ??
    parsedQueryProblem(req, limits, isAdmin) ??
    bodyProblemOf(req, limits)
  if (problem) {
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, problem))
  }
  next()
}

function pathProblem(url: string, limits: HygieneLimits): string | undefined {
  const path = url.split("?")[0]
  const segments = path.split("/").filter(Boolean)
  for (const [index, raw] of segments.entries()) {
    let decoded: string
    try {
      decoded = decodeURIComponent(raw)
    } catch {
      return `path segment ${index + 1} has malformed percent-encoding`
    }
    const problem = stringProblem(decoded, `path segment ${index + 1}`, limits.maxPathSegment)
    if (problem) {
      return problem
    }
  }
  return undefined
}

function rawQueryProblem(url: string): string | undefined {
  const queryStart = url.indexOf("?")
  if (queryStart < 0) {
    return undefined
  }
  for (const pair of url.slice(queryStart + 1).split("&")) {
    const [rawKey, ...rest] = pair.split("=")
    const rawValue = rest.join("=")
    if (malformedEncoding(rawKey)) {
      return `a query parameter name has malformed percent-encoding`
    }
    if (malformedEncoding(rawValue)) {
      return `query parameter ${decodeURIComponent(rawKey.replace(/\+/g, " "))} has malformed percent-encoding`
    }
  }
  return undefined
}

function parsedQueryProblem(req: MedusaRequest, limits: HygieneLimits, isAdmin: boolean): string | undefined {
  const query = (req.query ?? {}) as Record<string, unknown>
  const pagination = paginationProblem(query, limits.maxLimit)
  if (pagination.limitTooLarge && isAdmin) {
    ;(req.query as Record<string, unknown>).limit = String(limits.maxLimit)
  } else if (pagination.problem) {
    return pagination.problem
  }
  return orderProblem(query) ?? queryProblem(query, "", limits)
}

function bodyProblemOf(req: MedusaRequest, limits: HygieneLimits): string | undefined {
  const body = req.body
  if (body === undefined || body === null || typeof body !== "object" || Buffer.isBuffer(body)) {
    return undefined
  }
  return bodyProblem(body, limits)
}
