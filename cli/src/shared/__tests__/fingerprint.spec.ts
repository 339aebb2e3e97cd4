import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fingerprint, readStamp, writeStamp } from "../fingerprint"

describe("fingerprint", () => {
  let root: string

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "tienda-fp-"))
    fs.mkdirSync(path.join(root, "src/api"), { recursive: true })
    fs.writeFileSync(path.join(root, "src/api/route.ts"), "export const a = 1\n")
    fs.writeFileSync(path.join(root, "medusa-config.ts"), "module.exports = {}\n")
  })

  afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

  it("is stable while nothing changes", () => {
    expect(fingerprint(root, ["src", "medusa-config.ts"])).toBe(fingerprint(root, ["src", "medusa-config.ts"]))
  })

  it("changes when a file's content, a new file or an extra value changes", () => {
    const before = fingerprint(root, ["src", "medusa-config.ts"], { MEDUSA_BACKEND_URL: undefined })
    fs.writeFileSync(path.join(root, "src/api/route.ts"), "export const a = 2\n")
    const edited = fingerprint(root, ["src", "medusa-config.ts"], { MEDUSA_BACKEND_URL: undefined })
    expect(edited).not.toBe(before)

    fs.writeFileSync(path.join(root, "src/api/other.ts"), "")
    const added = fingerprint(root, ["src", "medusa-config.ts"], { MEDUSA_BACKEND_URL: undefined })
    expect(added).not.toBe(edited)

    expect(fingerprint(root, ["src", "medusa-config.ts"], { MEDUSA_BACKEND_URL: "https://x" })).not.toBe(added)
  })

  it("tells a missing entry from an empty one and ignores build output and tests", () => {
    const base = fingerprint(root, ["src", "plugins/x"])
    fs.mkdirSync(path.join(root, "plugins/x"), { recursive: true })
    expect(fingerprint(root, ["src", "plugins/x"])).not.toBe(base)

    const withPlugin = fingerprint(root, ["src"])
    for (const ignored of ["src/node_modules/m.js", "src/.medusa/b.js", "src/api/__tests__/a.spec.ts"]) {
      fs.mkdirSync(path.dirname(path.join(root, ignored)), { recursive: true })
      fs.writeFileSync(path.join(root, ignored), "x")
    }
    expect(fingerprint(root, ["src"])).toBe(withPlugin)
  })

  it("stores and reads a stamp; a missing or broken stamp reads as undefined", () => {
    const file = path.join(root, "state/stamp.json")
    expect(readStamp(file)).toBeUndefined()
    writeStamp(file, "abc")
    expect(readStamp(file)).toBe("abc")
    fs.writeFileSync(file, "{not json")
    expect(readStamp(file)).toBeUndefined()
  })
})
