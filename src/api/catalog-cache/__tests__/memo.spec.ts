import { Memo } from "../memo"

describe("memo", () => {
  it("keeps a null answer (an unknown product) like any other", async () => {
    const memo = new Memo<string | null>(10, 10)
    let loads = 0
    const load = async () => (loads++, null)
    expect(await memo.get("a", load)).toBeNull()
    expect(await memo.get("a", load)).toBeNull()
    expect(loads).toBe(1)
  })

  it("counts entries by weight 1 unless told otherwise, and drops the least recently used past maxEntries", async () => {
    const memo = new Memo<number>(100, 2)
    for (const key of ["a", "b", "c"]) {
      await memo.get(key, async () => 1)
    }
    expect(memo.size).toBe(2)
    let reloaded = false
    await memo.get("a", async () => ((reloaded = true), 1))
    expect(reloaded).toBe(true)
  })
})
