import { LruStore } from "../lru-store"

describe("the bounded caching provider's store", () => {
  let clock = 0
  const store = (maxBytes = 1000, maxEntryBytes = 200) => new LruStore({ maxBytes, maxEntryBytes }, () => clock)

  beforeEach(() => {
    clock = 1_000_000
  })

  it("hands out a copy: a caller that mutates its hit does not change the cache", () => {
    const cache = store()
    cache.set("region", { id: "reg_1", currency_code: "eur" }, 60)
    const hit = cache.get("region") as { currency_code: string }
    hit.currency_code = "usd"
    expect(cache.get("region")).toEqual({ id: "reg_1", currency_code: "eur" })
  })

  it("does not keep an entry larger than the cap, and drops the older value of that key", () => {
    const cache = store(1000, 50)
    cache.set("list", { small: true }, 60)
    expect(cache.set("list", { products: "x".repeat(100) }, 60)).toBe(false)
    expect(cache.get("list")).toBeNull()
    expect(cache.usedBytes).toBe(0)
  })

  it("evicts the least recently used entries once the byte budget is spent", () => {
    const cache = store(100, 100)
    cache.set("a", "x".repeat(20), 60) // 22 bytes of JSON + 1 of key = 23
    cache.set("b", "x".repeat(20), 60)
    cache.set("c", "x".repeat(20), 60)
    cache.get("a") // a is now the most recently used
    cache.set("d", "x".repeat(20), 60)
    cache.set("e", "x".repeat(20), 60) // 5 × 23 > 100: the oldest unused goes
    expect(cache.get("b")).toBeNull()
    expect(cache.get("a")).toBe("x".repeat(20))
    expect(cache.size).toBe(4)
    expect(cache.usedBytes).toBe(92)
  })

  it("counts a non-Latin-1 character as 2 bytes", () => {
    const cache = store(1000, 1000)
    cache.set("k", "ñ", 60) // JSON "ñ": 3 Latin-1 characters, + 1 for the key
    expect(cache.usedBytes).toBe(4)
    cache.set("k", "€", 60) // JSON "€": 3 characters of 2 bytes, + 1 for the key
    expect(cache.usedBytes).toBe(7)
  })

  it("forgets an entry when its TTL runs out", () => {
    const cache = store()
    cache.set("key", { v: 1 }, 10)
    clock += 9_999
    expect(cache.get("key")).toEqual({ v: 1 })
    clock += 1
    expect(cache.get("key")).toBeNull()
    expect(cache.usedBytes).toBe(0)
  })

  it("clears by key, by tag, and everything with *", () => {
    const cache = store()
    cache.set("key1", 1, 60, ["Region:reg_1"])
    cache.set("key2", 2, 60, ["Region:reg_1", "Region:list:*"])
    cache.set("key3", 3, 60, ["ApiKey:apk_1"])
    expect(cache.getByTags(["Region:reg_1"])).toEqual([1, 2])
    expect(cache.clear({ key: "key3" })).toBe(1)
    expect(cache.clear({ tags: ["Region:list:*"] })).toBe(1)
    expect(cache.get("key1")).toBe(1)
    expect(cache.get("key2")).toBeNull()
    cache.set("key3", 3, 60)
    expect(cache.clear({ tags: ["*"] })).toBe(2)
    expect(cache.size).toBe(0)
    expect(cache.usedBytes).toBe(0)
  })

  it("spares entries stored with autoInvalidate false from an invalidation by events, not from an explicit clear", () => {
    const cache = store()
    cache.set("pinned", 1, 60, ["Product:prod_1"], false)
    cache.set("auto", 2, 60, ["Product:prod_1"])
    expect(cache.clear({ tags: ["Product:prod_1"], options: { autoInvalidate: true } })).toBe(1)
    expect(cache.get("pinned")).toBe(1)
    expect(cache.clear({ tags: ["Product:prod_1"] })).toBe(1)
    expect(cache.get("pinned")).toBeNull()
  })
})
