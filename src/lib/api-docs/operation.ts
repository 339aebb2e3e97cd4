import type { z } from "@medusajs/framework/zod"

/**
 * Who may call an operation, and how: it decides the security the OpenAPI document states. `public` is anyone,
 * without a key (stored files); `operations` is for operators (readiness, metrics, this reference).
 */
export type Audience = "store" | "admin" | "operations" | "public"

/** One documented answer of an operation: its status, what it means and, for JSON, the shape of its body. */
export interface ApiAnswer {
  description: string
  /** The JSON body; absent for answers without one. */
  schema?: z.ZodType
  /** A body that is not JSON (a PDF, Prometheus text): its media type. */
  contentType?: string
}

/** One call a client can make, with the values the test sends to the running app. */
export interface ApiExample {
  summary: string
  params?: Record<string, string>
  query?: Record<string, string>
  body?: unknown
}

/**
 * One Tienda route and method, described by the zod schemas that validate it, so the document cannot say one thing
 * while the route checks another. Plugins declare the same shape without importing it (they do not depend on the
 * app): `method` is a string and is checked when the document is built.
 */
export interface ApiOperation {
  method: string
  /** Express's spelling, as the route's folder gives it: `/admin/search-synonyms/:id`. */
  path: string
  audience: Audience
  /** The group it is listed under on /docs. */
  tag: string
  summary: string
  description?: string
  params?: z.ZodObject
  query?: z.ZodType
  body?: z.ZodType
  /** Every answer a client can get, errors included (by HTTP status). */
  answers: Record<number, ApiAnswer>
  examples?: ApiExample[]
}

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const
