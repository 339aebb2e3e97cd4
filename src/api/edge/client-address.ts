import { createHash, timingSafeEqual } from "node:crypto"
import { BlockList, isIP } from "node:net"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/**
 * The address of the client a request is for — what every per-address rule counts.
 *
 * Medusa sets Express's `trust proxy` to 1 for every app, so without a proxy in front the client's own
 * `X-Forwarded-For` decided `req.ip`, and behind two proxies every user of one edge shared an address. Here the
 * proxies to trust come from `TIENDA_TRUSTED_PROXIES` (Express's semantics: a hop count, or addresses and ranges;
 * none by default) and are set on the app, so `req.ip`, Medusa's logs and Tienda's limits agree.
 *
 * A storefront server that renders pages for its shoppers calls the API from one address for all of them. With the
 * shared secret (`TIENDA_STOREFRONT_SECRET` in `x-tienda-storefront-secret`) it may name the shopper's address in
 * `x-tienda-client-ip`; without the secret, or with a wrong one, that header is ignored.
 *
 * IPv6 clients are grouped by /64 (one subscriber usually holds a whole /64), IPv4-mapped IPv6 counts as IPv4.
 */
export const TRUSTED_PROXIES_VARIABLE = "TIENDA_TRUSTED_PROXIES"
export const STOREFRONT_SECRET_VARIABLE = "TIENDA_STOREFRONT_SECRET"
export const STOREFRONT_CLIENT_IP_HEADER = "x-tienda-client-ip"
export const STOREFRONT_SECRET_HEADER = "x-tienda-storefront-secret"

/** Express's trust function: is the hop at `index` (0 = the socket's peer) a proxy whose header we believe? */
export type TrustProxy = (address: string, index: number) => boolean

const NAMED_RANGES: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  linklocal: ["169.254.0.0/16", "fe80::/10"],
  uniquelocal: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
}

const TRUST_NOTHING: TrustProxy = () => false

/**
 * `TIENDA_TRUSTED_PROXIES`: unset, empty or `none` trusts nothing (a direct `npm start`); a number trusts that many
 * hops in front of the server; otherwise a comma-separated list of addresses, CIDR ranges and Express's names
 * `loopback`, `linklocal`, `uniquelocal`. `true` (every hop) is refused: it makes the leftmost, client-written
 * X-Forwarded-For entry the address.
 */
export function parseTrustedProxies(value: string | undefined, variable = TRUSTED_PROXIES_VARIABLE): TrustProxy {
  const text = (value ?? "").trim().toLowerCase()
  if (text === "" || text === "none" || text === "false" || text === "0") {
    return TRUST_NOTHING
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text)
    if (hops > 32) {
      throw new Error(`${variable} must be a hop count up to 32, or addresses/ranges (got "${value}")`)
    }
    return (_address, index) => index < hops
  }
  if (text === "true" || text === "all" || text === "*") {
    throw new Error(`${variable}="${value}" would trust every hop, so any client could pick its own address: ` +
      `give the number of proxies in front of the server (e.g. 1) or their addresses (e.g. 10.0.0.0/8)`)
  }
  const list = new BlockList()
  for (const entry of text.split(",").map((part) => part.trim()).filter(Boolean)) {
    for (const range of NAMED_RANGES[entry] ?? [entry]) {
      addRange(list, range, variable, value ?? "")
    }
  }
  return (address) => {
    const plain = plainAddress(address)
    const family = isIP(plain)
    return family !== 0 && list.check(plain, family === 4 ? "ipv4" : "ipv6")
  }
}

function addRange(list: BlockList, range: string, variable: string, value: string): void {
  const [rawAddress, prefix, ...rest] = range.split("/")
  const address = plainAddress(rawAddress)
  const family = isIP(address)
  const bits = family === 4 ? 32 : 128
  const length = prefix === undefined ? bits : /^\d+$/.test(prefix) ? Number(prefix) : NaN
  if (family === 0 || rest.length > 0 || !(length >= 0 && length <= bits)) {
    throw new Error(`${variable} must be a hop count (e.g. 1) or a comma-separated list of addresses and ranges ` +
      `(e.g. "10.0.0.0/8, 2001:db8::/32, loopback"); "${range}" is neither (got "${value}")`)
  }
  list.addSubnet(address, length, family === 4 ? "ipv4" : "ipv6")
}

/** `::ffff:10.0.0.1` → `10.0.0.1`; zone ids (`fe80::1%eth0`) dropped; lower case. */
export function plainAddress(address: string): string {
  const text = address.trim().toLowerCase().replace(/%.*$/, "")
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  return mapped ? mapped[1] : text
}

/** The key per-address rules count: an IPv4 address as is, an IPv6 address by its /64 (`2001:db8:0:1::/64`). */
export function addressBucket(address: string): string {
  const plain = plainAddress(address)
  if (isIP(plain) !== 6) {
    return plain || "unknown"
  }
  return `${ipv6Groups(plain).slice(0, 4).map((group) => group.toString(16)).join(":")}::/64`
}

// The eight 16-bit groups of a valid IPv6 address (`::` expanded, an embedded IPv4 tail as two groups).
function ipv6Groups(address: string): number[] {
  const toGroups = (part: string): number[] =>
    part === "" ? [] : part.split(":").flatMap((piece) => {
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

const trustCache = new Map<string, TrustProxy>()

/** The trust function for the environment's setting, parsed once per value. */
export function trustedProxiesOf(env: NodeJS.ProcessEnv): TrustProxy {
  const value = env[TRUSTED_PROXIES_VARIABLE] ?? ""
  let trust = trustCache.get(value)
  if (!trust) {
    trust = parseTrustedProxies(value)
    trustCache.set(value, trust)
  }
  return trust
}

/** `TIENDA_STOREFRONT_SECRET`, or undefined when storefront servers may not name shoppers' addresses. */
export function storefrontSecretOf(env: NodeJS.ProcessEnv): string | undefined {
  const secret = env[STOREFRONT_SECRET_VARIABLE]
  if (secret === undefined || secret === "") {
    return undefined
  }
  if (secret.length < 32) {
    throw new Error(`${STOREFRONT_SECRET_VARIABLE} must be a random string of at least 32 characters ` +
      `(generate one with: openssl rand -base64 32)`)
  }
  return secret
}

/** Checks every setting of this file; medusa-config.ts calls it so a bad value stops the boot, naming the variable. */
export function validateClientAddressSettings(env: NodeJS.ProcessEnv): void {
  trustedProxiesOf(env)
  storefrontSecretOf(env)
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

/**
 * The shopper's address a trusted storefront server names: undefined when no secret is configured, the request
 * carries none or a wrong one, or the header holds no address. `invalid` when the secret is right but the header is
 * not an IP address (the storefront's bug, answered with 400 by `trustedClientAddress`).
 */
export function storefrontClientOf(
  req: Pick<ClientRequest, "headers">,
  env: NodeJS.ProcessEnv
): string | "invalid" | undefined {
  const secret = storefrontSecretOf(env)
  const given = req.headers[STOREFRONT_SECRET_HEADER]
  const named = req.headers[STOREFRONT_CLIENT_IP_HEADER]
  if (!secret || typeof given !== "string" || typeof named !== "string" || !sameSecret(given, secret)) {
    return undefined
  }
  const address = plainAddress(named)
  return isIP(address) ? address : "invalid"
}

/** Sets the app's `trust proxy` to the configured proxies (Medusa's loader sets 1); a no-op once it is. */
export function applyTrustedProxies(app: ClientRequest["app"], env: NodeJS.ProcessEnv): void {
  const trust = trustedProxiesOf(env)
  if (app && app.get("trust proxy fn") !== trust) {
    app.set("trust proxy", trust)
  }
}

/**
 * The rate-limit key of the client a request is for: the shopper a trusted storefront names, else the address
 * Express derives through the trusted proxies only; IPv6 by /64.
 */
export function clientAddressOf(req: ClientRequest, env: NodeJS.ProcessEnv = process.env): string {
  const shopper = storefrontClientOf(req, env)
  if (shopper && shopper !== "invalid") {
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
  applyTrustedProxies(req.app, process.env)
  const shopper = storefrontClientOf(req, process.env)
  if (shopper === "invalid") {
    res.status(400).json({ type: "invalid_data", message: `${STOREFRONT_CLIENT_IP_HEADER} must be an IP address` })
    return
  }
  const context = (req as MedusaRequest & { request_context?: { ip_address?: string } }).request_context
  if (context) {
    context.ip_address = shopper ?? (plainAddress(req.ip || "") || context.ip_address)
  }
  next()
}
