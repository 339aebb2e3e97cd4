import { catalogCacheStore } from "../../../lib/catalog-cache/stores/process-stores"
import { resetSettings } from "../../../lib/settings"
import { memoizedCounts, synonymTerms } from "../tuning-memo"

/** A counter standing in for the Search Module: it answers `n * 10` for key n and remembers what it was asked. */
function counter() {
  const asked: number[][] = []
  const count = async (missing: number[]) => {
    asked.push(missing)
    return missing.map((index) => (index + 1) * 10)
  }
  return { asked, count }
}

describe("search tuning memo", () => {
  const original = { ...process.env }
  afterEach(() => {
    process.env = { ...original }
    resetSettings()
    jest.useRealTimers()
  })

  it("reads every count when the catalog cache is off (tests, several processes without Redis)", async () => {
    process.env.TIENDA_CATALOG_CACHE = "off"
    resetSettings()
    const { asked, count } = counter()
    expect(await memoizedCounts(["a", "b"], count)).toEqual([10, 20])
    expect(await memoizedCounts(["a", "b"], count)).toEqual([10, 20])
    expect(asked).toEqual([
      [0, 1],
      [0, 1],
    ])
  })

  it("keeps counts until the catalog changes, and reads only the missing ones", async () => {
    process.env.TIENDA_CATALOG_CACHE = "on"
    resetSettings()
    const { asked, count } = counter()
    expect(await memoizedCounts(["x1", "x2"], count)).toEqual([10, 20])
    expect(await memoizedCounts(["x2", "x3"], count)).toEqual([20, 20])
    expect(asked).toEqual([[0, 1], [1]])

    await catalogCacheStore().bump(["catalog"])
    expect(await memoizedCounts(["x1"], count)).toEqual([10])
    expect(asked).toEqual([[0, 1], [1], [0]])
  })

  it("forgets a count after TIENDA_SEARCH_COUNT_TTL seconds, and keeps none with 0", async () => {
    process.env.TIENDA_CATALOG_CACHE = "on"
    process.env.TIENDA_SEARCH_COUNT_TTL = "5"
    resetSettings()
    jest.useFakeTimers({ now: 1_000_000, doNotFake: ["nextTick", "setImmediate"] })
    const { asked, count } = counter()
    await memoizedCounts(["ttl"], count)
    jest.setSystemTime(1_000_000 + 4_000)
    await memoizedCounts(["ttl"], count)
    expect(asked).toHaveLength(1)
    jest.setSystemTime(1_000_000 + 6_000)
    await memoizedCounts(["ttl"], count)
    expect(asked).toHaveLength(2)

    process.env.TIENDA_SEARCH_COUNT_TTL = "0"
    resetSettings()
    await memoizedCounts(["ttl"], count)
    await memoizedCounts(["ttl"], count)
    expect(asked).toHaveLength(4)
  })

  it("reads the synonyms once per catalog generation", async () => {
    process.env.TIENDA_CATALOG_CACHE = "on"
    resetSettings()
    const synonymTermsRead = jest.fn(async () => [["tee", "t-shirt"]])
    const req = { scope: { resolve: () => ({ synonymTerms: synonymTermsRead }) } } as any
    expect(await synonymTerms(req)).toEqual([["tee", "t-shirt"]])
    expect(await synonymTerms(req)).toEqual([["tee", "t-shirt"]])
    expect(synonymTermsRead).toHaveBeenCalledTimes(1)
    await catalogCacheStore().bump(["catalog"])
    await synonymTerms(req)
    expect(synonymTermsRead).toHaveBeenCalledTimes(2)
  })
})
