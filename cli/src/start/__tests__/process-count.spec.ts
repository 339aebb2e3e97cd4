import { MAX_PROCESSES, parseProcessCount } from "../process-group"
import { UsageError } from "../../shared/project"

describe("tienda start --processes", () => {
  it("is one process doing everything when not given", () => {
    expect(parseProcessCount(undefined, undefined)).toBe(1)
    expect(parseProcessCount("1", undefined)).toBe(1)
  })

  it("takes a whole number up to the limit when Redis is configured", () => {
    expect(parseProcessCount("2", "redis://127.0.0.1:6379")).toBe(2)
    expect(parseProcessCount(String(MAX_PROCESSES), "redis://127.0.0.1:6379")).toBe(MAX_PROCESSES)
  })

  it("refuses a value that is not a count, naming it", () => {
    for (const value of ["0", "-1", "1.5", "two", "", String(MAX_PROCESSES + 1), "2 "]) {
      expect(() => parseProcessCount(value, "redis://x")).toThrow(UsageError)
      expect(() => parseProcessCount(value, "redis://x")).toThrow(`(got "${value}")`)
    }
  })

  it("refuses several processes without Redis, saying why", () => {
    expect(() => parseProcessCount("2", undefined)).toThrow(/needs REDIS_URL.*event bus/)
    expect(() => parseProcessCount("2", "")).toThrow(UsageError)
  })
})
