import { BlockList, isIP } from "node:net"
import { plainAddress } from "../../net/plain-address"
import type { SettingType } from "../setting-type"

/** Express's trust function: is the hop at `index` (0 = the socket's peer) a proxy whose header we believe? */
export type TrustProxy = (address: string, index: number) => boolean

const NAMED_RANGES: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  linklocal: ["169.254.0.0/16", "fe80::/10"],
  uniquelocal: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
}

export const TRUST_NOTHING: TrustProxy = () => false

/**
 * Express's `trust proxy` semantics: `none` (or empty, `false`, `0`) trusts nothing (a direct `npm start`); a number
 * trusts that many hops in front of the server; otherwise a comma-separated list of addresses, CIDR ranges and
 * Express's names `loopback`, `linklocal`, `uniquelocal`. `true` (every hop) is refused: it makes the leftmost,
 * client-written X-Forwarded-For entry the address.
 */
export function parseTrustedProxies(value: string | undefined, variable: string): TrustProxy {
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
    throw new Error(
      `${variable}="${value}" would trust every hop, so any client could pick its own address: ` +
        `give the number of proxies in front of the server (e.g. 1) or their addresses (e.g. 10.0.0.0/8)`
    )
  }
  const list = new BlockList()
  for (const entry of text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
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
    throw new Error(
      `${variable} must be a hop count (e.g. 1) or a comma-separated list of addresses and ranges ` +
        `(e.g. "10.0.0.0/8, 2001:db8::/32, loopback"); "${range}" is neither (got "${value}")`
    )
  }
  list.addSubnet(address, length, family === 4 ? "ipv4" : "ipv6")
}

export const trustedProxies: SettingType<TrustProxy> = {
  expected: "a hop count or comma-separated addresses/CIDR ranges",
  parse: parseTrustedProxies,
}
