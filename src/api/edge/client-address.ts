import { createHash, timingSafeEqual } from "node:crypto"
import { isIP } from "node:net"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { plainAddress } from "../../lib/net/plain-address"
import { settingsOf } from "../../lib/settings"

/**
 * The address of the client a request is for — what every per-address rule counts.
 *
 * Medusa sets Express's `trust proxy` to 1 for every app, so without a proxy in front the client's own
 * `X-Forwarded-For` decided `req.ip`, and behind two proxies every user of one edge shared an address. Here the
 * proxies to trust come from `TIENDA_TRUSTED_PROXIES` (Express's semantics: a hop count, or addresses and ranges;
 * none by default; parsed by src/lib/settings/types/trusted-proxies.ts) and are set on the app, so `req.ip`,
 * Medusa's logs and Tienda's limits agree. Functions taking `env` read a test's own environment; the app passes
 * none and gets the process's settings.
 *
 * A storefront server that renders pages for its shoppers calls the API from one address for all of them. With the
 * shared secret (`TIENDA_STOREFRONT_SECRET` in `x-tienda-storefront-secret`) it may name the shopper's address in
 * `x-tienda-client-ip`; without the secret, or with a wrong one, that header is ignored.
 *
 * IPv6 clients are grouped by /64 (one subscriber usually holds a whole /64), IPv4-mapped IPv6 counts as IPv4.
 */
export const STOREFRONT_CLIENT_IP_HEADER = "x-tienda-client-ip"
export const STOREFRONT_SECRET_HEADER = "x-tienda-storefront-secret"

/** The key per-address rules count: an IPv4 address as is, an IPv6 address by its /64 (`2001:db8:0:1::/64`). */
export function addressBucket(address: string): string {
  const plain = plainAddress(address)
  if (isIP(plain) !== 6) {
    return plain || "unknown"
  }
  return `${ipv6Groups(plain)
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(":")}::/64`
}

// The eight 16-bit groups of a valid IPv6 address (`::` expanded, an embedded IPv4 tail as two groups).
function ipv6Groups(address: string): number[] {
  const toGroups = (part: string): number[] =>
    part === ""
      ? []
      : part.split(":").flatMap((piece) => {
          if (piece.includes(".")) {
            const [a, b, c, d] = piece.split(".").map(Number)
            return [(a << 8) | b, (c << 8) | d]
          }
          return [parseInt(piece, 16)]
        })
  const [head, tail] = address.split("::")
  const first = toGroups(head)
  const last = tail === undefined ? [] : toGroups(tail)
  return [...first, ...new Array(8 - first.length - last.length).fill(0), ...last]
}

// Hashing both sides first gives equal lengths, so the comparison takes the same time whatever was sent.
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest()
  return timingSafeEqual(digest(given), digest(expected))
}

type ClientRequest = Pick<MedusaRequest, "headers" | "ip"> & {
  app?: { get(setting: string): unknown; set(setting: string, value: unknown): unknown }
  socket?: { remoteAddress?: string }
}

/** A storefront named its shopper, but not by an IP address. */
const INVALID_CLIENT = Symbol("invalid client address")

/**
 * The shopper's address a trusted storefront server names: undefined when no secret is configured, the request
 * carries none or a wrong one, or the header holds no address. `INVALID_CLIENT` when the secret is right but the header is
 * not an IP address (the storefront's bug, answered with 400 by `trustedClientAddress`).
 */
export function storefrontClientOf(
  req: Pick<ClientRequest, "headers">,
  env?: NodeJS.ProcessEnv
): string | typeof INVALID_CLIENT | undefined {
  const secret = settingsOf(env).clientAddress.storefrontSecret
  const given = req.headers[STOREFRONT_SECRET_HEADER]
  const named = req.headers[STOREFRONT_CLIENT_IP_HEADER]
  if (!secret || typeof given !== "string" || typeof named !== "string" || !sameSecret(given, secret)) {
    return undefined
  }
  const address = plainAddress(named)
  return isIP(address) ? address : INVALID_CLIENT
}

/** Sets the app's `trust proxy` to the configured proxies (Medusa's loader sets 1); a no-op once it is. */
export function applyTrustedProxies(app: ClientRequest["app"], env?: NodeJS.ProcessEnv): void {
  const trust = settingsOf(env).clientAddress.trustedProxies
  if (app && app.get("trust proxy fn") !== trust) {
    app.set("trust proxy", trust)
  }
}

/**
 * The rate-limit key of the client a request is for: the shopper a trusted storefront names, else the address
 * Express derives through the trusted proxies only; IPv6 by /64.
 */
export function clientAddressOf(req: ClientRequest, env?: NodeJS.ProcessEnv): string {
  const shopper = storefrontClientOf(req, env)
  if (typeof shopper === "string") {
    return addressBucket(shopper)
  }
  applyTrustedProxies(req.app, env)
  return addressBucket(req.ip || req.socket?.remoteAddress || "unknown")
}

/**
 * First middleware of every request: applies the trusted proxies before anything reads `req.ip`, refuses a
 * storefront's unreadable shopper address (400), and gives Medusa's request context the trusted address (Medusa
 * fills it from any client-sent X-Forwarded-For or X-Client-IP).
 */
export function trustedClientAddress(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
  applyTrustedProxies(req.app)
  const shopper = storefrontClientOf(req)
  if (shopper === INVALID_CLIENT) {
    res.status(400).json({ type: "invalid_data", message: `${STOREFRONT_CLIENT_IP_HEADER} must be an IP address` })
    return
  }
  const context = (req as MedusaRequest & { request_context?: { ip_address?: string } }).request_context
  if (context) {
    context.ip_address = shopper ?? (plainAddress(req.ip || "") || context.ip_address)
  }
  next()
}
