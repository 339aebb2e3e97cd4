import express from "express"
import { readSettings, resetSettings } from "../../../lib/settings"
import { parseTrustedProxies } from "../../../lib/settings/types/trusted-proxies"
import {
  addressBucket,
  clientAddressOf,
  STOREFRONT_CLIENT_IP_HEADER,
  STOREFRONT_SECRET_HEADER,
  trustedClientAddress,
} from "../client-address"

const SECRET = "s".repeat(20) + "-storefront-secret-32+"

/** A request as Express builds it (its `ip` getter reads the app's `trust proxy`), from a peer and some headers. */
function requestFrom(peer: string, headers: Record<string, string> = {}) {
  const app = express()
  // What Medusa's express loader does for every app.
  app.set("trust proxy", 1)
  const req = Object.create(app.request)
  Object.assign(req, { app, headers, connection: { remoteAddress: peer }, socket: { remoteAddress: peer } })
  return req
}

const addressOf = (peer: string, headers: Record<string, string>, env: NodeJS.ProcessEnv = {}) => {
  const req = requestFrom(peer, headers)
  const address = clientAddressOf(req, env)
  return { address, ip: req.ip as string }
}

describe("client address", () => {
  it("ignores X-Forwarded-For by default (a direct start): the socket's peer is the client", () => {
    const spoofed = { "x-forwarded-for": "198.51.100.1" }
    expect(addressOf("203.0.113.9", spoofed)).toEqual({ address: "203.0.113.9", ip: "203.0.113.9" })
    expect(addressOf("203.0.113.9", spoofed, { TIENDA_TRUSTED_PROXIES: "none" }).address).toBe("203.0.113.9")
  })

  it("with 1 trusted hop takes the address the proxy appended (the last one), not what the client wrote", () => {
    const env = { TIENDA_TRUSTED_PROXIES: "1" }
    const forwarded = { "x-forwarded-for": "6.6.6.6, 198.51.100.7" }
    expect(addressOf("10.0.0.2", forwarded, env)).toEqual({ address: "198.51.100.7", ip: "198.51.100.7" })
    const twoHops = { "x-forwarded-for": "6.6.6.6, 7.7.7.7, 198.51.100.7" }
    expect(addressOf("10.0.0.2", twoHops, { TIENDA_TRUSTED_PROXIES: "2" }).address).toBe("7.7.7.7")
    expect(addressOf("10.0.0.2", {}, env).address).toBe("10.0.0.2")
  })

  it("with a list of ranges skips only proxies inside them", () => {
    const env = { TIENDA_TRUSTED_PROXIES: "10.0.0.0/8, 2001:db8:ffff::/48, loopback" }
    // Two hops of our own proxies: the first address outside the list is the client.
    const chain = { "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.9.9.9" }
    expect(addressOf("10.1.2.3", chain, env).address).toBe("198.51.100.7")
    // A peer outside the list is the client, whatever it forwards.
    expect(addressOf("198.51.100.8", { "x-forwarded-for": "6.6.6.6" }, env).address).toBe("198.51.100.8")
    // IPv4-mapped peers count as IPv4; IPv6 proxies by their range.
    expect(addressOf("::ffff:10.1.2.3", { "x-forwarded-for": "198.51.100.7" }, env).address).toBe("198.51.100.7")
    expect(addressOf("2001:db8:ffff:1::5", { "x-forwarded-for": "198.51.100.7" }, env).address).toBe("198.51.100.7")
    expect(addressOf("::1", { "x-forwarded-for": "198.51.100.7" }, env).address).toBe("198.51.100.7")
  })

  it("groups IPv6 clients by /64 and treats IPv4-mapped IPv6 as IPv4", () => {
    expect(addressBucket("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64")
    expect(addressBucket("2001:DB8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64")
    expect(addressBucket("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64")
    expect(addressBucket("::1")).toBe("0:0:0:0::/64")
    expect(addressBucket("fe80::1%eth0")).toBe("fe80:0:0:0::/64")
    expect(addressBucket("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64")
    expect(addressBucket("::ffff:192.0.2.1")).toBe("192.0.2.1")
    expect(addressOf("2001:db8:1:2::99", {}).address).toBe("2001:db8:1:2::/64")
  })

  it("refuses bad settings at boot, naming the variable", () => {
    for (const value of ["true", "10.0.0.0/33", "not-an-ip", "10.0.0.1/8/1", "::1/129", "99"]) {
      expect(() => parseTrustedProxies(value, "TIENDA_TRUSTED_PROXIES")).toThrow(/TIENDA_TRUSTED_PROXIES/)
    }
    expect(() => readSettings({ TIENDA_TRUSTED_PROXIES: "1, 2" })).toThrow(/TIENDA_TRUSTED_PROXIES/)
    // The secret is never printed, even refused.
    expect(() => readSettings({ TIENDA_STOREFRONT_SECRET: "short-secret" })).toThrow(
      /TIENDA_STOREFRONT_SECRET must be a random string of at least 32 characters \(it has 12;/
    )
    expect(() => readSettings({ TIENDA_STOREFRONT_SECRET: "short-secret" })).not.toThrow(/short-secret/)
    expect(() => readSettings({ TIENDA_TRUSTED_PROXIES: "2", TIENDA_STOREFRONT_SECRET: SECRET })).not.toThrow()
  })

  it("counts a storefront's shopper only when the storefront sends the right secret", () => {
    const env = { TIENDA_STOREFRONT_SECRET: SECRET }
    const named = (secret?: string) => ({
      [STOREFRONT_CLIENT_IP_HEADER]: "198.51.100.50",
      ...(secret === undefined ? {} : { [STOREFRONT_SECRET_HEADER]: secret }),
    })
    expect(addressOf("203.0.113.1", named(SECRET), env).address).toBe("198.51.100.50")
    expect(addressOf("203.0.113.1", named(SECRET + "x"), env).address).toBe("203.0.113.1")
    expect(addressOf("203.0.113.1", named("short"), env).address).toBe("203.0.113.1")
    expect(addressOf("203.0.113.1", named(), env).address).toBe("203.0.113.1")
    // No secret configured: the header means nothing, even with a "secret" that matches an empty one.
    expect(addressOf("203.0.113.1", named(""), {}).address).toBe("203.0.113.1")
    const ipv6Shopper = { ...named(SECRET), [STOREFRONT_CLIENT_IP_HEADER]: "2001:db8:5:6::1" }
    expect(addressOf("203.0.113.1", ipv6Shopper, env).address).toBe("2001:db8:5:6::/64")
  })

  it("answers 400 when a trusted storefront names something that is not an address, and sets Medusa's context", () => {
    const env = { ...process.env }
    process.env.TIENDA_STOREFRONT_SECRET = SECRET
    resetSettings()
    try {
      const respond = (headers: Record<string, string>) => {
        const req = Object.assign(requestFrom("203.0.113.1", headers), { request_context: { ip_address: "6.6.6.6" } })
        const res = { status: jest.fn().mockReturnThis(), json: jest.fn() }
        const next = jest.fn()
        trustedClientAddress(req, res as any, next)
        return { req, res, next }
      }
      const bad = respond({ [STOREFRONT_CLIENT_IP_HEADER]: "nope", [STOREFRONT_SECRET_HEADER]: SECRET })
      expect(bad.res.status).toHaveBeenCalledWith(400)
      expect(bad.res.json.mock.calls[0][0].message).toMatch(/x-tienda-client-ip/)
      expect(bad.next).not.toHaveBeenCalled()
      const good = respond({ [STOREFRONT_CLIENT_IP_HEADER]: "198.51.100.50", [STOREFRONT_SECRET_HEADER]: SECRET })
      expect(good.next).toHaveBeenCalled()
      expect(good.req.request_context.ip_address).toBe("198.51.100.50")
      const direct = respond({ "x-forwarded-for": "6.6.6.7" })
      expect(direct.req.request_context.ip_address).toBe("203.0.113.1")
      // The app's own setting now trusts nothing (Medusa's loader had set 1).
      expect(direct.req.ip).toBe("203.0.113.1")
    } finally {
      process.env = env
      resetSettings()
    }
  })
})
