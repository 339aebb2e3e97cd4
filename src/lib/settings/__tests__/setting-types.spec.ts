import { currencyAmounts } from "../types/currency-amounts"
import { currencyCodes } from "../types/currency-codes"
import { positiveInteger, positiveNumber, port, wholeNumber } from "../types/numbers"
import { origins } from "../types/origins"
import { rateLimit } from "../types/rate-limit"
import { oneOf, onOff } from "../types/switches"
import { secret, url } from "../types/text"
import { parseTrustedProxies } from "../types/trusted-proxies"
import type { SettingType } from "../setting-type"

const parse = <T>(type: SettingType<T>, text: string) => type.parse(text, "X")
const refuses = <T>(type: SettingType<T>, ...texts: string[]) => {
  for (const text of texts) {
    expect(() => parse(type, text)).toThrow(`X must be ${type.expected} (got "${text}")`)
  }
}

describe("setting types", () => {
  it("numbers are digits only: no units, signs, exponents, hex or Infinity", () => {
    expect(parse(wholeNumber("days"), "0")).toBe(0)
    expect(parse(positiveInteger("megabytes"), "64")).toBe(64)
    refuses(positiveInteger("megabytes"), "64MB", "0", "-1", "1e3", "0x10", "7.5", "Infinity", "99999999999999999")
    refuses(wholeNumber(), "-1", "ten")
    expect(parse(positiveNumber("megabytes"), "0.5")).toBe(0.5)
    refuses(positiveNumber("megabytes"), "0", "lots", ".5")
    expect(parse(port, "65535")).toBe(65535)
    refuses(port, "0", "65536", "http")
  })

  it("switches take a documented set in any case and nothing else", () => {
    for (const on of ["on", "TRUE", "1", "Yes"]) expect(parse(onOff, on)).toBe(true)
    for (const off of ["off", "False", "0", "NO"]) expect(parse(onOff, off)).toBe(false)
    refuses(onOff, "enabled", "2", "y")
    expect(parse(oneOf(["open", "token"]), "TOKEN")).toBe("token")
    expect(() => parse(oneOf(["open", "token"]), "tokens")).toThrow('X must be one of "open", "token" (got "tokens")')
  })

  it("rate limits are <requests>/<seconds>, both at least 1", () => {
    expect(parse(rateLimit, " 10 / 60 ")).toEqual({ points: 10, durationSeconds: 60 })
    for (const bad of ["10", "0/60", "10/0", "ten/60", "10/60s"]) {
      expect(() => parse(rateLimit, bad)).toThrow(
        `X must look like "<requests>/<seconds>", e.g. "10/60" (got "${bad}")`
      )
    }
  })

  it("lists: origins, currency amounts and currency codes", () => {
    expect(parse(origins, "https://shop.example.com, http://localhost:8000/, /vercel\\.app$/")).toBe(
      "https://shop.example.com,http://localhost:8000/,/vercel\\.app$/"
    )
    refuses(origins, "shop.example.com", "https://shop.example.com/path", "ftp://x", "https://a.com,,https://b.com")
    expect(parse(currencyAmounts, "EUR:2.5, usd:3")).toEqual({ eur: 2.5, usd: 3 })
    refuses(currencyAmounts, "eur:", "eur:-1", "eur:abc", "euro:2", "eur", "eur:1:2")
    expect(parse(currencyCodes, "eur, USD,eur")).toEqual(["eur", "usd"])
    refuses(currencyCodes, "eur,dollars", "eur,")
  })

  it("URLs need one of their schemes; secrets their length, and a refusal never prints them", () => {
    expect(parse(url(["redis", "rediss"]), "rediss://cache:6380")).toBe("rediss://cache:6380")
    refuses(url(["redis", "rediss"]), "cache:6379", "http://cache")
    expect(() => parse(secret(32), "hunter2")).toThrow(
      /X must be a random string of at least 32 characters \(it has 7;/
    )
    expect(() => parse(secret(32), "hunter2")).not.toThrow(/hunter2/)
  })

  it("trusted proxies follow Express: hops or ranges, never every hop", () => {
    expect(parseTrustedProxies("2", "X")("203.0.113.1", 1)).toBe(true)
    expect(parseTrustedProxies("2", "X")("203.0.113.1", 2)).toBe(false)
    expect(parseTrustedProxies("10.0.0.0/8, loopback", "X")("::1", 0)).toBe(true)
    expect(() => parseTrustedProxies("true", "X")).toThrow(/X="true" would trust every hop/)
    expect(() => parseTrustedProxies("10.0.0.0/33", "X")).toThrow(/X must be a hop count/)
  })
})
