import { MedusaError } from "@medusajs/framework/utils"
import { unavailableDependencyOf } from "../../lib/lifecycle/dependency-unavailable"

/**
 * What a failed request answers: the status and a body that never carries internals. Pure, so the mapping is unit
 * tested; error-handler.ts adds the logging and the headers.
 *
 * Differences from Medusa's own handler (which echoes `err.message` for database and unexpected errors, SQL included):
 * - a message that looks like SQL, a stack trace, a file path or a driver message is replaced;
 * - every 5xx carries a `request_id`, and the full error is logged under that id;
 * - PostgreSQL "invalid input" errors (class 22) are the caller's fault: 400;
 * - lock time-outs, "already locked" and the workflow engine's refused state changes (concurrent checkouts of the
 *   same cart or stock) are 409 "retry in a moment", not 500 or an internal message;
 * - a path that cannot be decoded (Express's "Failed to decode param") is 400;
 * - a search engine that cannot answer (code `search_unavailable`, plugins/search-elasticsearch) is 503: the rest of
 *   the store works, search does not, for now;
 * - PostgreSQL or Redis unreachable, restarting or gone mid-request is 503 with Retry-After (the same request may
 *   work in a few seconds), never a 500 or a hang.
 */
export interface SafeErrorResponse {
  status: number
  body: { type: string; message: string; code?: string; request_id?: string }
  /** Seconds for the Retry-After header of a 503 the client should simply send again. */
  retryAfterSeconds?: number
}

/** What a load balancer or client should wait before sending a request that failed on a dependency again. */
export const DEPENDENCY_RETRY_AFTER_SECONDS = 5

const GENERIC_5XX = "An unexpected error occurred. Quote the request id to support."
const SEARCH_UNAVAILABLE = "search_unavailable"

// Things that must never reach a client: SQL, stack frames, file paths, driver and ORM names.
const LEAK_PATTERNS: RegExp[] = [
  /\b(select|insert into|update|delete from)\b[\s\S]*\b(from|where|set|values|returning)\b/i,
  /"[a-z_]+"\."[a-z_]+"/i,
  /\bat [\w.<>$]+ \(?[^)]*:\d+:\d+\)?/,
  /(?:^|[\s(])\/(?:[\w.-]+\/)+[\w.-]+\.(?:js|ts|mjs|cjs)\b/,
  /node_modules/,
  /\b(knex|mikro-?orm|postgres(?:ql)?|pg_|sqlstate|syntax error at or near|violates .* constraint|relation "|column ")/i,
  /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE)\b/,
  /invalid input syntax|invalid byte sequence|out of range for type|unterminated quoted/i,
]

export function leaksInternals(message: string): boolean {
  return LEAK_PATTERNS.some((pattern) => pattern.test(message))
}

const LOCK_MESSAGES =
  /timed-out acquiring lock|is already locked|failed to acquire lock|could not obtain lock|lock timeout/i
// Medusa's workflow orchestrator refusing a step state change: seen when checkouts of the same stock race across
// server processes. Internal wording; the caller's remedy is the same as for a lock: retry.
const WORKFLOW_STATE_MESSAGES = /^Updating (State|Status) from "\w+" to "\w+" is not allowed\.$/

const STATUS_BY_TYPE: Record<string, number> = {
  [MedusaError.Types.NOT_FOUND]: 404,
  [MedusaError.Types.INVALID_DATA]: 400,
  [MedusaError.Types.NOT_ALLOWED]: 400,
  [MedusaError.Types.UNAUTHORIZED]: 401,
  [MedusaError.Types.FORBIDDEN]: 403,
  [MedusaError.Types.CONFLICT]: 409,
  [MedusaError.Types.DUPLICATE_ERROR]: 422,
  [MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR]: 422,
  QueryRunnerAlreadyReleasedError: 409,
  TransactionAlreadyStartedError: 409,
  TransactionNotStartedError: 409,
}

const TYPE_BY_STATUS: Record<number, string> = {
  400: MedusaError.Types.INVALID_DATA,
  401: MedusaError.Types.UNAUTHORIZED,
  403: MedusaError.Types.FORBIDDEN,
  404: MedusaError.Types.NOT_FOUND,
  405: MedusaError.Types.NOT_ALLOWED,
  409: MedusaError.Types.CONFLICT,
  413: MedusaError.Types.INVALID_DATA,
  415: MedusaError.Types.INVALID_DATA,
  429: "too_many_requests",
}

export function toSafeErrorResponse(err: any, requestId: string): SafeErrorResponse {
  const message: string = typeof err?.message === "string" ? err.message : ""

  if (Array.isArray(err?.issues)) {
    // zod errors from Medusa's validators: their messages name the fields and carry no internals.
    const text = err.issues
      .map((issue: any) => `${(issue.path ?? []).join(".") || "body"}: ${issue.message}`)
      .join("; ")
    return clientError(400, MedusaError.Types.INVALID_DATA, text)
  }
  if (err instanceof URIError || /^Failed to decode param/.test(message)) {
    return clientError(400, MedusaError.Types.INVALID_DATA, "the path has malformed percent-encoding")
  }
  const httpStatus = Number(err?.statusCode ?? err?.status)
  if (err?.expose !== undefined && httpStatus >= 400 && httpStatus < 500) {
    // body-parser and other Express errors (malformed JSON, body too large, wrong charset).
    return clientError(httpStatus, TYPE_BY_STATUS[httpStatus] ?? "invalid_request", message || "Bad request")
  }
  if (err instanceof TypeError && /[\\/]zod[\\/]/.test(err.stack ?? "")) {
    // A Medusa validator's transform crashed on a value of the wrong type (e.g. `name.trim()` on a number).
    return clientError(
      400,
      MedusaError.Types.INVALID_DATA,
      "the request body does not have the expected shape: a field is missing or has the wrong type"
    )
  }
  if (/^Trying to (order|query) by not existing property/.test(message)) {
    return clientError(400, MedusaError.Types.INVALID_DATA, "order or a filter names a field that does not exist")
  }
  const unavailable = unavailableDependencyOf(err)
  if (unavailable) {
    return {
      status: 503,
      body: {
        type: "unavailable",
        code: unavailable === "database" ? "database_unavailable" : "service_unavailable",
        message:
          unavailable === "database"
            ? "The shop cannot reach its database right now; retry in a few seconds."
            : "A service the shop depends on cannot be reached right now; retry in a few seconds.",
        request_id: requestId,
      },
      retryAfterSeconds: DEPENDENCY_RETRY_AFTER_SECONDS,
    }
  }
  if (LOCK_MESSAGES.test(message) || WORKFLOW_STATE_MESSAGES.test(message)) {
    return {
      status: 409,
      body: {
        type: MedusaError.Types.CONFLICT,
        code: "invalid_state_error",
        message: "Another request is working on the same cart or stock right now; retry in a moment.",
      },
    }
  }
  if (typeof err?.code === "string" && /^22[0-9A-Z]{3}$/.test(err.code)) {
    // PostgreSQL class 22, "data exception": a value the database cannot store or compare.
    return clientError(400, MedusaError.Types.INVALID_DATA, "a value in the request is not valid for its field")
  }

  if (err?.code === SEARCH_UNAVAILABLE) {
    return {
      status: 503,
      body: {
        type: "unavailable",
        code: SEARCH_UNAVAILABLE,
        message: "Search is temporarily unavailable; try again shortly.",
        request_id: requestId,
      },
    }
  }

  const type: string | undefined = err?.type ?? err?.name
  const status = type ? STATUS_BY_TYPE[type] : undefined
  if (status && status < 500) {
    const safe = leaksInternals(message) ? defaultMessage(status) : message || defaultMessage(status)
    const body: SafeErrorResponse["body"] = { type: type!, message: safe }
    if (status === 409) {
      body.code = "invalid_state_error"
    } else if (typeof err?.code === "string" && /^[a-z_]+$/i.test(err.code)) {
      body.code = err.code
    }
    return { status, body }
  }
  return {
    status: 500,
    body: { type: "unknown_error", code: "unknown_error", message: GENERIC_5XX, request_id: requestId },
  }
}

function clientError(status: number, type: string, message: string): SafeErrorResponse {
  return { status, body: { type, message: leaksInternals(message) ? defaultMessage(status) : message } }
}

function defaultMessage(status: number): string {
  switch (status) {
    case 404:
      return "Not found."
    case 409:
      return "The request conflicted with another request; retry it."
    case 401:
      return "Unauthorized."
    case 403:
      return "Forbidden."
    default:
      return "The request is not valid."
  }
}
