import { assertRunMarker, assertRunRedisUrl, whyNoRunRedis } from "../helpers/redis"

/** The guard that keeps the specs on the throw-away Redis `tienda test` started, and off every other one. */
describe("the test Redis guard", () => {
  const token = "0123456789abcdef".repeat(3)
  const runUrl = `redis://:${token}@127.0.0.1:41234`
  const run = { TIENDA_TEST_REDIS_URL: runUrl }

  it("takes exactly the URL the run started", () => {
    expect(assertRunRedisUrl(runUrl, run)).toEqual({ port: 41234, token })
  })

  it("refuses the machine's Redis on 6379, whatever the environment says", () => {
    for (const url of ["redis://127.0.0.1:6379", "redis://localhost:6379", "redis://127.0.0.1:6379/14"]) {
      expect(() => assertRunRedisUrl(url, run)).toThrow(/not the Redis this run started/)
      expect(() => assertRunRedisUrl(url, { TIENDA_TEST_REDIS_URL: url })).toThrow(/refused/)
    }
    const withToken = `redis://:${token}@127.0.0.1:6379`
    expect(() => assertRunRedisUrl(withToken, { TIENDA_TEST_REDIS_URL: withToken })).toThrow(/6379/)
  })

  it("refuses any URL the run did not start", () => {
    expect(() => assertRunRedisUrl(runUrl, {})).toThrow(/this run started no Redis/)
    expect(() => assertRunRedisUrl(`${runUrl}/3`, run)).toThrow(/not the Redis this run started/)
    expect(() => assertRunRedisUrl(`redis://:${token}@127.0.0.1:41235`, run)).toThrow(/not the Redis this run/)
    const cases: Array<[string, RegExp]> = [
      ["redis://127.0.0.1:41234", /no run token/],
      [`redis://:${token.slice(1)}@127.0.0.1:41234`, /no run token/],
      [`redis://:${token}@10.0.0.5:41234`, /127\.0\.0\.1/],
      [`redis://admin:${token}@127.0.0.1:41234`, /127\.0\.0\.1/],
      [`rediss://:${token}@127.0.0.1:41234`, /127\.0\.0\.1/],
      [`redis://:${token}@127.0.0.1`, /6379/],
      [`redis://:${token}@127.0.0.1:41234/2`, /names no database/],
    ]
    for (const [url, why] of cases) {
      expect(() => assertRunRedisUrl(url, { TIENDA_TEST_REDIS_URL: url })).toThrow(why)
    }
  })

  it("never prints the token", () => {
    expect(() => assertRunRedisUrl(runUrl, {})).toThrow("refused to use Redis at redis://***@127.0.0.1:41234")
  })

  it("refuses a server that does not hold the run's marker", () => {
    expect(() => assertRunMarker(token, token)).not.toThrow()
    expect(() => assertRunMarker(null, token)).toThrow(/the run did not start it/)
    expect(() => assertRunMarker("another-run", token)).toThrow(/the run did not start it/)
  })

  it("says why a spec has no Redis", () => {
    expect(whyNoRunRedis(run)).toBeUndefined()
    expect(whyNoRunRedis({ TIENDA_TEST_REDIS_MISSING: "no redis-server on PATH" })).toBe("no redis-server on PATH")
    expect(whyNoRunRedis({})).toMatch(/npx tienda test/)
  })
})
