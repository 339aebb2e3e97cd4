import { Memo } from "../memo"

describe("memo", () => {
  it("keeps a null answer (an unknown product) like any other", async () => {
    const memo = new Memo<string | null>({ maxEntries: 10 })
    let loads = 0
    const load = async () => (loads++, null)
    expect(await memo.get("a", load)).toBeNull()
    expect(await memo.get("a", load)).toBeNull()
    expect(loads).toBe(1)
  })

  it("counts entries by weight 1 unless told otherwise, and drops the least recently used past maxEntries", async () => {
    const memo = new Memo<number>({ maxEntries: 2 })
    for (const key of ["a", "b", "c"]) {
      await memo.get(key, async () => 1)
    }
    expect(memo.size).toBe(2)
    let reloaded = false
    await memo.get("a", async () => ((reloaded = true), 1))
    expect(reloaded).toBe(true)
  })
})

describe("memo loads", () => {
  it("shares a running load and keeps no failed one", async () => {
    const memo = new Memo<number>({ maxEntries: 10 })
    let loads = 0
    const slow = () => new Promise<number>((resolve) => setTimeout(() => resolve(++loads), 5))
    expect(await Promise.all([memo.get("a", slow), memo.get("a", slow)])).toEqual([1, 1])
    await expect(memo.get("b", async () => Promise.reject(new Error("down")))).rejects.toThrow("down")
    expect(await memo.get("b", async () => 7)).toBe(7)
  })
})
