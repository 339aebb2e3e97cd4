import fs from "node:fs"
import os from "node:os"
import path from "node:path"

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS file that jest loads by path
const TiendaSequencer = require("../test-sequencer.js")

/** Spec files on disk (the sequencer reads them for `sharedShop(`), with their sizes as jest's haste map gives them. */
function specs(files: Array<{ name: string; size: number; body?: string }>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sequencer-"))
  const sizes = new Map<string, number>()
  const tests = files.map(({ name, size, body = "" }) => {
    const file = path.join(dir, name)
    fs.writeFileSync(file, body)
    sizes.set(file, size)
    return { path: file, context: { config: { cache: false }, hasteFS: { getSize: (p: string) => sizes.get(p) } } }
  })
  return { tests, names: (sorted: Array<{ path: string }>) => sorted.map((test) => path.basename(test.path)) }
}

describe("the spec order", () => {
  it("is by file size, largest first, whatever durations jest cached", async () => {
    const { tests, names } = specs([
      { name: "small.spec.ts", size: 10 },
      { name: "large.spec.ts", size: 300 },
      { name: "medium.spec.ts", size: 100 },
    ])
    const sequencer = new TiendaSequencer()
    // Jest's cache says the small file took longest: jest's own order would start it first.
    sequencer._getCache = () => ({
      [tests[0].path]: [0, 500_000],
      [tests[1].path]: [0, 1_000],
      [tests[2].path]: [0, 2_000],
    })
    expect(names(await sequencer.sort([...tests]))).toEqual(["large.spec.ts", "medium.spec.ts", "small.spec.ts"])
  })

  it("starts the specs that wait for the shared shop after the first six others", async () => {
    const others = Array.from({ length: 8 }, (_, i) => ({ name: `other-${i}.spec.ts`, size: 1000 - i }))
    const { tests, names } = specs([
      ...others,
      { name: "admin-page.spec.ts", size: 5000, body: "const shop = await sharedShop()" },
    ])
    const order = names(await new TiendaSequencer().sort([...tests]))
    expect(order.indexOf("admin-page.spec.ts")).toBe(6)
    expect(order.filter((name) => name.startsWith("other"))).toEqual(others.map((spec) => spec.name))
  })
})
