import { parseRoutePath } from "../../edge/route-path"
import { parseLimit } from "../../../lib/settings/types/rate-limit"
import { accountOf, limitOf, RATE_RULES, rateLimitsEnabled, type RateLimitRequest } from "../rate-limit-rules"

const request = ({
  path = "/store/products",
  ...overrides
}: Partial<Omit<RateLimitRequest, "path">> & { path?: string }): RateLimitRequest => ({
  method: "GET",
  address: "10.0.0.1",
  query: {},
  body: {},
  ...overrides,
  path: parseRoutePath(path),
})
const applying = (req: RateLimitRequest) =>
  RATE_RULES.filter((rule) => rule.applies(req) && rule.key(req) !== undefined).map((rule) => rule.name)

const LOGIN_RULES = ["GLOBAL", "LOGIN_IP", "LOGIN_ACCOUNT_IP", "LOGIN_ACCOUNT"]
const RESET_RULES = ["GLOBAL", "RESET_IP", "RESET_ACCOUNT_IP", "RESET_ACCOUNT"]

describe("rate limit rules", () => {
  it("parses <requests>/<seconds> and refuses anything else", () => {
    expect(parseLimit("10/60", "X")).toEqual({ points: 10, durationSeconds: 60 })
    expect(() => parseLimit("ten", "TIENDA_RATE_LIMIT_LOGIN_IP")).toThrow(/TIENDA_RATE_LIMIT_LOGIN_IP must look like/)
    expect(() => parseLimit("0/60", "X")).toThrow()
  })

  it("reads limits from the environment with defaults", () => {
    const login = RATE_RULES.find((rule) => rule.name === "LOGIN_ACCOUNT")!
    expect(limitOf(login, {})).toEqual({ points: 50, durationSeconds: 300 })
    expect(limitOf(login, { TIENDA_RATE_LIMIT_LOGIN_ACCOUNT: "3/2" })).toEqual({ points: 3, durationSeconds: 2 })
    expect(rateLimitsEnabled({ TIENDA_RATE_LIMIT: "off" })).toBe(false)
    expect(rateLimitsEnabled({})).toBe(true)
  })

  it("picks the rules of each sensitive route", () => {
    expect(applying(request({ method: "POST", path: "/auth/customer/emailpass", body: { email: "A@x.io" } }))).toEqual(
      LOGIN_RULES
    )
    expect(
      applying(request({ method: "POST", path: "/auth/user/emailpass/reset-password", body: { identifier: "a@x.io" } }))
    ).toEqual(RESET_RULES)
    expect(applying(request({ method: "POST", path: "/auth/customer/emailpass/register" }))).toEqual([
      "GLOBAL",
      "REGISTER_IP",
    ])
    expect(applying(request({ method: "POST", path: "/store/carts" }))).toEqual(["GLOBAL", "CART_IP"])
    expect(applying(request({ query: { q: "shirt" } }))).toEqual(["GLOBAL", "SEARCH_IP"])
    expect(applying(request({}))).toEqual(["GLOBAL"])
    expect(applying(request({ method: "HEAD", query: { q: "shirt" } }))).toEqual(["GLOBAL", "SEARCH_IP"])
  })

  it("keys account rules by email alone (one emailpass identity per email), and (account, address) rules by both", () => {
    const rule = (name: string) => RATE_RULES.find((candidate) => candidate.name === name)!
    const login = request({ method: "POST", path: "/auth/customer/emailpass", body: { email: " A@X.io " } })
    expect(rule("LOGIN_ACCOUNT").key(login)).toBe("a@x.io")
    expect(rule("LOGIN_ACCOUNT_IP").key(login)).toBe("a@x.io|10.0.0.1")
    expect(rule("LOGIN_ACCOUNT").key({ ...login, path: parseRoutePath("/auth/user/emailpass") })).toBe("a@x.io")
    const reset = request({
      method: "POST",
      path: "/auth/user/emailpass/reset-password",
      body: { identifier: "Owner@x.io" },
    })
    expect(accountOf(reset)).toBe("owner@x.io")
    expect(rule("RESET_ACCOUNT_IP").key({ ...reset, address: "2001:db8:1:2::/64" })).toBe(
      "owner@x.io|2001:db8:1:2::/64"
    )
    expect(accountOf(request({ method: "POST", path: "/auth/user/emailpass", body: { email: 42 } }))).toBeUndefined()
  })

  it("limits password guesses whatever the method or actor type (Medusa logs in on GET and for any actor)", () => {
    for (const method of ["GET", "HEAD", "PUT"]) {
      expect([method, applying(request({ method, path: "/auth/user/emailpass", body: { email: "a@x.io" } }))]).toEqual([
        method,
        LOGIN_RULES,
      ])
    }
    expect(applying(request({ method: "POST", path: "/auth/anything/emailpass", body: { email: "a@x.io" } }))).toEqual(
      LOGIN_RULES
    )
    expect(applying(request({ method: "POST", path: "/auth/vendor/emailpass/register" }))).toEqual([
      "GLOBAL",
      "REGISTER_IP",
    ])
    expect(
      applying(request({ method: "POST", path: "/auth/x/emailpass/reset-password", body: { identifier: "a@x.io" } }))
    ).toEqual(RESET_RULES)
    expect(applying(request({ method: "POST", path: "/auth/token/refresh" }))).toEqual(["GLOBAL"])
  })

  it("applies to every spelling Express routes: case, percent-encoding, duplicate and trailing slashes, absolute form", () => {
    const spellings = [
      "/AUTH/Customer/EmailPass",
      "/auth/customer/emailpass/",
      "/auth//customer/emailpass",
      "/auth/customer/em%61ilpass",
      "http://x/auth/customer/emailpass",
    ]
    for (const path of spellings) {
      expect([path, applying(request({ method: "POST", path, body: { email: "a@x.io" } }))]).toEqual([
        path,
        LOGIN_RULES,
      ])
    }
    expect(applying(request({ method: "POST", path: "/STORE/Carts/" }))).toEqual(["GLOBAL", "CART_IP"])
    expect(applying(request({ method: "POST", path: "/Store/Search" }))).toEqual(["GLOBAL", "SEARCH_IP"])
    expect(
      applying(
        request({ method: "POST", path: "/auth/customer/emailpass/Reset-Password/", body: { identifier: "a@x.io" } })
      )
    ).toEqual(RESET_RULES)
    expect(applying(request({ path: "/HEALTH" }))).toEqual([])
  })
})
