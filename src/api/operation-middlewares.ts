import {
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { Router } from "express"
import type { ApiOperation } from "../lib/api-docs/operation"
import { apiVersion } from "../lib/api-versioning/api-version"
import { APP_OPERATIONS, TIENDA_OPERATIONS } from "./operations"

/**
 * Tienda's routes that carry a version: every one but the stored files (`public`), whose URL names their bytes and
 * is cached for a year, so no header may make it answer anything else.
 */
export const VERSIONED_OPERATIONS = TIENDA_OPERATIONS.filter((operation) => operation.audience !== "public")

/**
 * The version of every versioned Tienda route, decided before the edge answers anything about the request
 * (ownership, the database gate, the route's validators): an Express router of Tienda's operations finds the route
 * exactly as the app's router will dispatch it (any case, a trailing slash), and Medusa's routes pass through
 * untouched.
 */
export function tiendaVersions(): (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => void {
  const router = Router()
  const versioned = apiVersion()
  for (const operation of VERSIONED_OPERATIONS) {
    router[operation.method.toLowerCase() as "get"](operation.path, versioned as never)
  }
  return router as never
}

/** The app's own routes get their validators from the schemas the reference documents (the plugins bind theirs). */
export function operationValidators(): MiddlewareRoute[] {
  return APP_OPERATIONS.filter((operation) => operation.query || operation.body).map((operation) => ({
    matcher: operation.path,
    method: [operation.method] as MiddlewareRoute["method"],
    middlewares: validatorsOf(operation),
  }))
}

function validatorsOf(operation: ApiOperation): NonNullable<MiddlewareRoute["middlewares"]> {
  return [
    ...(operation.query ? [validateAndTransformQuery(operation.query as any, {})] : []),
    ...(operation.body ? [validateAndTransformBody(operation.body as any)] : []),
  ]
}
