import { parseRoutePath } from "../../edge/route-path"
import { limitOf, parseLimit, RATE_RULES, rateLimitsEnabled, type RateLimitRequest } from "../rate-limit-rules"

const request = ({ path = "/store/products", ...overrides }: Partial<Omit<RateLimitRequest, "path">> & { path?: string }): RateLimitRequest => ({
  method: "GET", ip: "10.0.0.1", query: {}, body: {}, ...overrides, path: parseRoutePath(path),
})
const applying = (req: RateLimitRequest) => RATE_RULES.filter((rule) => rule.applies(req) && rule.key(req) !== undefined).map((rule) => rule.name)

describe("rate limit rules", () => {
  it("parses <requests>/<seconds> and refuses anything else", () => {
    expect(parseLimit("10/60", "X")).toEqual({ points: 10, durationSeconds: 60 })
    expect(() => parseLimit("ten", "TIENDA_RATE_LIMIT_LOGIN_IP")).toThrow(/TIENDA_RATE_LIMIT_LOGIN_IP must look like/)
    expect(() => parseLimit("0/60", "X")).toThrow()
  })

  it("reads limits from the environment with defaults", () => {
    const login = RATE_RULES.find((rule) => rule.name === "LOGIN_ACCOUNT")!
    expect(limitOf(login, {})).toEqual({ points: 20, durationSeconds: 900 })
    expect(limitOf(login, { TIENDA_RATE_LIMIT_LOGIN_ACCOUNT: "3/2" })).toEqual({ points: 3, durationSeconds: 2 })
    expect(rateLimitsEnabled({ TIENDA_RATE_LIMIT: "off" })).toBe(false)
    expect(rateLimitsEnabled({})).toBe(true)
  })

  it("picks the rules of each sensitive route", () => {
    expect(applying(request({ method: "POST", path: "/auth/customer/emailpass", body: { email: "A@x.io" } }))).toEqual(["GLOBAL", "LOGIN_IP", "LOGIN_ACCOUNT"])
    expect(applying(request({ method: "POST", path: "/auth/user/emailpass/reset-password", body: { identifier: "a@x.io" } }))).toEqual(["GLOBAL", "RESET_IP", "RESET_ACCOUNT"])
    expect(applying(request({ method: "POST", path: "/auth/customer/emailpass/register" }))).toEqual(["GLOBAL", "REGISTER_IP"])
    expect(applying(request({ method: "POST", path: "/store/carts" }))).toEqual(["GLOBAL", "CART_IP"])
    expect(applying(request({ query: { q: "shirt" } }))).toEqual(["GLOBAL", "SEARCH_IP"])
    expect(applying(request({}))).toEqual(["GLOBAL"])
    expect(applying(request({ method: "HEAD", query: { q: "shirt" } }))).toEqual(["GLOBAL", "SEARCH_IP"])
    const account = RATE_RULES.find((rule) => rule.name === "LOGIN_ACCOUNT")!
    expect(account.key(request({ body: { email: " A@X.io " } }))).toBe("a@x.io")
  })

  it("applies to every spelling Express routes: case, percent-encoding, duplicate and trailing slashes, absolute form", () => {
    const spellings = ["/AUTH/Customer/EmailPass", "/auth/customer/emailpass/", "/auth//customer/emailpass", "/auth/customer/em%61ilpass", "http://x/auth/customer/emailpass"]
    for (const path of spellings) {
      expect([path, applying(request({ method: "POST", path, body: { email: "a@x.io" } }))]).toEqual([path, ["GLOBAL", "LOGIN_IP", "LOGIN_ACCOUNT"]])
    }
    expect(applying(request({ method: "POST", path: "/STORE/Carts/" }))).toEqual(["GLOBAL", "CART_IP"])
    expect(applying(request({ method: "POST", path: "/Store/Search" }))).toEqual(["GLOBAL", "SEARCH_IP"])
    expect(applying(request({ method: "POST", path: "/auth/customer/emailpass/Reset-Password/", body: { identifier: "a@x.io" } }))).toEqual(["GLOBAL", "RESET_IP", "RESET_ACCOUNT"])
    expect(applying(request({ path: "/HEALTH" }))).toEqual([])
  })
})
