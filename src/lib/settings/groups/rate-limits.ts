import { setting } from "../define"
import { rateLimit } from "../types/rate-limit"
import { onOff } from "../types/switches"

const limit = (rule: string, fallback: string, description: string) =>
  setting(`TIENDA_RATE_LIMIT_${rule}`, rateLimit, rateLimit.parse(fallback, rule), description)

/** Each rule's limit, "<requests>/<seconds>" (src/api/security/rate-limit-rules.ts says what each one counts). */
export const rateLimitSettings = {
  enabled: setting("TIENDA_RATE_LIMIT", onOff, true, "off switches every rate limit off"),
  GLOBAL: limit("GLOBAL", "6000/60", "every request, per address"),
  LOGIN_IP: limit("LOGIN_IP", "100/900", "failed logins per address"),
  LOGIN_ACCOUNT_IP: limit("LOGIN_ACCOUNT_IP", "10/900", "failed logins per (account, address)"),
  LOGIN_ACCOUNT: limit("LOGIN_ACCOUNT", "50/300", "failed logins per account from new addresses"),
  RESET_IP: limit("RESET_IP", "30/3600", "password reset requests per address"),
  RESET_ACCOUNT_IP: limit("RESET_ACCOUNT_IP", "5/3600", "password reset requests per (account, address)"),
  RESET_ACCOUNT: limit("RESET_ACCOUNT", "5/900", "reset emails sent per account"),
  REGISTER_IP: limit("REGISTER_IP", "100/3600", "registrations per address"),
  CART_IP: limit("CART_IP", "1000/3600", "carts created per address"),
  SEARCH_IP: limit("SEARCH_IP", "600/60", "searches per address"),
}

export type RateRuleName = Exclude<keyof typeof rateLimitSettings, "enabled">
