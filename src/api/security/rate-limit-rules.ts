import { settingsOf } from "../../lib/settings"
import type { RateRuleName } from "../../lib/settings/groups/rate-limits"
import type { RateLimit } from "../../lib/settings/types/rate-limit"
import { isRead, matchRoute, type RoutePath } from "../edge/route-path"

/**
 * Tienda's rate limits, as data. Each rule counts requests per key (the client address, an account, or both) within
 * a window; past `points`, the request gets 429 with Retry-After. Every limit is set by an env variable
 * `TIENDA_RATE_LIMIT_<RULE>` = "<requests>/<seconds>" (e.g. "10/900"), registered with its default in
 * src/lib/settings/groups/rate-limits.ts and read at boot; `TIENDA_RATE_LIMIT=off` switches all of them off. The defaults are generous for people and tight for scripts; see README "Security model".
 *
 * Logins follow OWASP's guidance and rate-limiter-flexible's "login endpoint protection" recipe: only failures
 * count (a success gives its point back), tightly per (account, address), loosely per address, and per account over
 * all addresses with a short window that slows a distributed guesser rather than locking the owner out — and an
 * address that has logged into the account before is exempt from that per-account limit, so strangers' failures
 * never keep the owner out. Password reset requests past the per-account cap are answered as Medusa answers every
 * reset request (201) without sending an email, so flooding an inbox fails and nobody is told "blocked for an hour".
 */
export interface RateLimitRequest {
  method: string
  /** The path as Express routes it (any case, encoding or trailing slash): see edge/route-path.ts. */
  path: RoutePath
  /** The client's address as per-address rules count it (edge/client-address.ts: trusted proxies, IPv6 by /64). */
  address: string
  query: Record<string, unknown>
  body: Record<string, unknown>
}

export interface RateRule {
  name: RateRuleName
  /** What the 429 message says is limited. */
  what: string
  applies: (req: RateLimitRequest) => boolean
  /** The counter's key; undefined skips the rule for this request (e.g. no account named). */
  key: (req: RateLimitRequest) => string | undefined
  /**
   * "failures": an answer of 2xx gives the request's point back ("reset": clears the key, the count of consecutive
   * failures); the point is taken up front, so a burst of parallel guesses cannot outrun the count.
   */
  counts?: "requests" | "failures" | "consecutive-failures"
  /** Not applied when the client address has logged into the request's account before (see `accountOf`). */
  exceptKnownAddress?: boolean
  /** "accept": past the limit, answer as Medusa does for an accepted request (201) without running it, not 429. */
  whenExceeded?: "refuse" | "accept"
}

export type { RateLimit }

/**
 * Medusa serves `/auth/:actor_type/:auth_provider` to every method (GET and HEAD run the same login handler with the
 * body) and for any actor type (an unknown one still checks the password), so these rules care about neither: a
 * password guess is a guess whatever the method or actor names. `/auth/token/refresh` is not a login.
 */
const authRoute = (r: RateLimitRequest, suffix: string) =>
  !!matchRoute(`/auth/:actor/:provider${suffix}`, r.path) && r.path.lower[1] !== "token"
export const isLogin = (r: RateLimitRequest) => authRoute(r, "")
const LOGIN = isLogin
const RESET = (r: RateLimitRequest) => authRoute(r, "/reset-password")
const REGISTER = (r: RateLimitRequest) => authRoute(r, "/register")
const byAddress = (req: RateLimitRequest) => req.address

/**
 * The account a login or reset names: its email, whatever actor the path names (the emailpass identity is one per
 * email, so `user` and `customer` paths guess the same password); undefined when none is named.
 */
export function accountOf(req: RateLimitRequest): string | undefined {
  const value = LOGIN(req) ? req.body?.email : RESET(req) ? req.body?.identifier : undefined
  return typeof value === "string" && value.trim().length > 0 ? value.trim().toLowerCase().slice(0, 320) : undefined
}
const byAccountAndAddress = (req: RateLimitRequest) => {
  const account = accountOf(req)
  return account === undefined ? undefined : `${account}|${req.address}`
}

const isCartCreation = (r: RateLimitRequest) => r.method === "POST" && !!matchRoute("/store/carts", r.path)

export const RATE_RULES: RateRule[] = [
  { name: "GLOBAL", what: "requests from this address", applies: (r) => r.path.text !== "/health", key: byAddress },
  {
    name: "LOGIN_IP",
    what: "failed login attempts from this address",
    applies: LOGIN,
    key: byAddress,
    counts: "failures",
  },
  {
    name: "LOGIN_ACCOUNT_IP",
    what: "failed login attempts for this account from this address",
    applies: LOGIN,
    key: byAccountAndAddress,
    counts: "consecutive-failures",
  },
  {
    name: "LOGIN_ACCOUNT",
    what: "failed login attempts for this account from new addresses",
    applies: LOGIN,
    key: accountOf,
    counts: "failures",
    exceptKnownAddress: true,
  },
  { name: "RESET_IP", what: "password reset requests from this address", applies: RESET, key: byAddress },
  {
    name: "RESET_ACCOUNT_IP",
    what: "password reset requests for this account from this address",
    applies: RESET,
    key: byAccountAndAddress,
  },
  {
    name: "RESET_ACCOUNT",
    what: "password reset requests for this account",
    applies: RESET,
    key: accountOf,
    exceptKnownAddress: true,
    whenExceeded: "accept",
  },
  { name: "REGISTER_IP", what: "registrations from this address", applies: REGISTER, key: byAddress },
  { name: "CART_IP", what: "carts created from this address", applies: isCartCreation, key: byAddress },
  { name: "SEARCH_IP", what: "searches from this address", applies: isSearch, key: byAddress },
]

/** How long a successful login makes its address "known" for the account (kept under the 24.8-day timer limit). */
export const KNOWN_ADDRESS_SECONDS = 14 * 24 * 3600

function isSearch(req: RateLimitRequest): boolean {
  if (matchRoute("/store/search", req.path, { prefix: true })) {
    return true
  }
  const query = req.query.q
  return isRead(req.method) && !!matchRoute("/store/products", req.path) && typeof query === "string" && query !== ""
}

/** TIENDA_RATE_LIMIT: the process's setting, or that of a test's own `env`. */
export function rateLimitsEnabled(env?: NodeJS.ProcessEnv): boolean {
  return settingsOf(env).rateLimits.enabled
}

/** TIENDA_RATE_LIMIT_<RULE>, or the rule's default (both checked at boot by medusa-config.ts). */
export function limitOf(rule: RateRule, env?: NodeJS.ProcessEnv): RateLimit {
  return settingsOf(env).rateLimits[rule.name]
}
