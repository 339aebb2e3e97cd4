import type { ApiAnswer } from "./operation"

/** Answers many operations share; each error answer's body is the Error schema (`{ type, message }`). */
export const INVALID = (what: string): ApiAnswer => ({ description: `Bad input: ${what}; the message names it` })
export const UNAUTHENTICATED: ApiAnswer = { description: "No admin session, bearer token or secret API key" }
export const NO_PUBLISHABLE_KEY: ApiAnswer = {
  description: "Missing or unknown `x-publishable-api-key`, or bad input (the message names it)",
}
export const NOT_FOUND = (what: string): ApiAnswer => ({ description: `No ${what} with that id` })
