import { BoundedMap } from "../bounded-map"

describe("bounded map", () => {
  it("drops the least recently used past maxEntries; get counts as use, peek does not", () => {
    const map = new BoundedMap<string, number>({ maxEntries: 2 })
    map.set("a", 1)
    map.set("b", 2)
    map.get("a")
    map.set("c", 3)
    expect([...map.keys()]).toEqual(["a", "c"])
    map.peek("a")
    map.set("d", 4)
    expect([...map.keys()]).toEqual(["c", "d"])
  })

  it("keeps the total weight within maxWeight, and tells onEvict what the bounds pushed out", () => {
    const evicted: string[] = []
    const map = new BoundedMap<string, string>({
      maxWeight: 10,
      weight: (value) => value.length,
      onEvict: (key) => evicted.push(key),
    })
    map.set("a", "xxxx")
    map.set("b", "xxxx")
    map.set("c", "xxxx")
    expect(map.weight).toBe(8)
    expect(evicted).toEqual(["a"])
    map.delete("b")
    expect(evicted).toEqual(["a"])
    expect(map.weight).toBe(4)
  })

  it("does not keep a value heavier than the whole budget, and drops the key's older value", () => {
    const map = new BoundedMap<string, string>({ maxWeight: 5, weight: (value) => value.length })
    map.set("a", "old")
    expect(map.set("a", "far too heavy")).toBe(false)
    expect(map.get("a")).toBeUndefined()
    expect(map.weight).toBe(0)
  })

  it("counts a rewrite once", () => {
    const map = new BoundedMap<string, string>({ maxEntries: 2, weight: (value) => value.length })
    map.set("a", "xx")
    map.set("a", "xxx")
    expect([map.size, map.weight]).toEqual([1, 3])
    map.clear()
    expect([map.size, map.weight]).toEqual([0, 0])
  })
})
