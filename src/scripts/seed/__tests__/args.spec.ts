import { argvAfterDoubleDash, parseProductCount, parseSeedArgs } from "../args"

describe("parseSeedArgs", () => {
  it("takes no arguments as the demo store only", () => {
    expect(parseSeedArgs([])).toEqual({})
  })

  it("accepts products=N, --products=N and --products N", () => {
    expect(parseSeedArgs(["products=10000"])).toEqual({ products: 10000 })
    expect(parseSeedArgs(["--products=12"])).toEqual({ products: 12 })
    expect(parseSeedArgs(["--products", "7"])).toEqual({ products: 7 })
  })

  it("refuses bad counts and unknown arguments with a clear message", () => {
    expect(() => parseSeedArgs(["products=0"])).toThrow('--products needs a whole number from 1 to 1000000, got "0"')
    expect(() => parseSeedArgs(["products=abc"])).toThrow(/got "abc"/)
    expect(() => parseSeedArgs(["products=1.5"])).toThrow(/got "1.5"/)
    expect(() => parseSeedArgs(["--products"])).toThrow(/got nothing/)
    expect(() => parseSeedArgs(["products"])).toThrow(/products=N/)
    expect(() => parseSeedArgs(["--regions", "3"])).toThrow(/Unknown seed argument "--regions"/)
  })

  it("bounds the count", () => {
    expect(parseProductCount("1000000")).toBe(1_000_000)
    expect(() => parseProductCount("1000001")).toThrow(/from 1 to 1000000/)
  })
})

describe("argvAfterDoubleDash", () => {
  it("returns what follows the first --", () => {
    expect(argvAfterDoubleDash(["node", "medusa", "exec", "seed.ts", "--", "--products", "5"])).toEqual([
      "--products",
      "5",
    ])
    expect(argvAfterDoubleDash(["node", "medusa", "exec", "seed.ts"])).toEqual([])
  })
})
