import { isRead, matchRoute, type RoutePath } from "../edge/route-path"

/**
 * Tienda's rate limits, as data. Each rule counts requests per key (the client IP, or the account named in the body)
 * within a window; past `points`, the request gets 429 with Retry-After. Every limit is set by an env variable
 * `TIENDA_RATE_LIMIT_<RULE>` = "<requests>/<seconds>" (e.g. "10/900"), read at request time; `TIENDA_RATE_LIMIT=off`
 * switches all of them off. The defaults are generous for people and tight for scripts; see README "Security model".
 */
export interface RateLimitRequest {
  method: string
  /** The path as Express routes it (any case, encoding or trailing slash): see edge/route-path.ts. */
  path: RoutePath
  ip: string
  query: Record<string, unknown>
  body: Record<string, unknown>
}

export interface RateRule {
  name: string
  /** What the 429 message says is limited. */
  what: string
  defaultLimit: string
  applies: (req: RateLimitRequest) => boolean
  /** The counter's key; undefined skips the rule for this request (e.g. no account named). */
  key: (req: RateLimitRequest) => string | undefined
}

export interface RateLimit {
  points: number
  durationSeconds: number
}

const LOGIN = (r: RateLimitRequest) => r.method === "POST" && !!matchRoute("/auth/:actor/emailpass", r.path) && isAuthActor(r)
const RESET = (r: RateLimitRequest) =>
  r.method === "POST" && !!matchRoute("/auth/:actor/emailpass/reset-password", r.path) && isAuthActor(r)
const REGISTER = (r: RateLimitRequest) => r.method === "POST" && !!matchRoute("/auth/customer/emailpass/register", r.path)
const isAuthActor = (r: RateLimitRequest) => r.path.lower[1] === "customer" || r.path.lower[1] === "user"
const byIp = (req: RateLimitRequest) => req.ip
const byAccount = (field: string) => (req: RateLimitRequest) => {
  const value = req.body?.[field]
  return typeof value === "string" && value.length > 0 ? value.trim().toLowerCase().slice(0, 320) : undefined
}

export const RATE_RULES: RateRule[] = [
  { name: "GLOBAL", what: "requests from this address", defaultLimit: "6000/60", applies: (r) => r.path.text !== "/health", key: byIp },
  { name: "LOGIN_IP", what: "login attempts from this address", defaultLimit: "100/900", applies: LOGIN, key: byIp },
  { name: "LOGIN_ACCOUNT", what: "login attempts for this account", defaultLimit: "20/900", applies: LOGIN, key: byAccount("email") },
  { name: "RESET_IP", what: "password reset requests from this address", defaultLimit: "30/3600", applies: RESET, key: byIp },
  { name: "RESET_ACCOUNT", what: "password reset requests for this account", defaultLimit: "5/3600", applies: RESET, key: byAccount("identifier") },
  { name: "REGISTER_IP", what: "registrations from this address", defaultLimit: "100/3600", applies: REGISTER, key: byIp },
  { name: "CART_IP", what: "carts created from this address", defaultLimit: "1000/3600", applies: (r) => r.method === "POST" && !!matchRoute("/store/carts", r.path), key: byIp },
  { name: "SEARCH_IP", what: "searches from this address", defaultLimit: "600/60", applies: isSearch, key: byIp },
]

function isSearch(req: RateLimitRequest): boolean {
  if (matchRoute("/store/search", req.path, { prefix: true })) {
    return true
  }
  return isRead(req.method) && !!matchRoute("/store/products", req.path) && typeof req.query.q === "string" && req.query.q !== ""
}

/** "<requests>/<seconds>" → numbers; a malformed value is a configuration error and says so. */
export function parseLimit(value: string, variable: string): RateLimit {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value)
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
    throw new Error(`${variable} must look like "<requests>/<seconds>", e.g. "10/60" (got "${value}")`)
  }
  return { points: Number(match[1]), durationSeconds: Number(match[2]) }
}

export function rateLimitsEnabled(env: NodeJS.ProcessEnv): boolean {
  return !["off", "false", "0"].includes((env.TIENDA_RATE_LIMIT ?? "on").toLowerCase())
}

export function limitOf(rule: RateRule, env: NodeJS.ProcessEnv): RateLimit {
  const variable = `TIENDA_RATE_LIMIT_${rule.name}`
  return parseLimit(env[variable] || rule.defaultLimit, variable)
}
