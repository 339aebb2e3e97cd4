import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { ensureInstallSecrets, readInstallSecrets } from "../install-secrets"
import { projectRootOf, stateDirOf } from "../state-dir"
import { secretWeakness } from "../secret-strength"

describe("install secrets", () => {
  let dir: string
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "tienda-secrets-"))))
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  it("are made once, 32 random bytes each, readable by the owner only, and reused", () => {
    const stateDir = path.join(dir, "state")
    expect(readInstallSecrets(stateDir)).toBeUndefined()
    const made = ensureInstallSecrets(stateDir)
    const file = path.join(stateDir, "secrets.json")
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(Buffer.from(made.jwtSecret, "hex")).toHaveLength(32)
    expect(Buffer.from(made.cookieSecret, "hex")).toHaveLength(32)
    expect(ensureInstallSecrets(stateDir)).toEqual(made)
    expect(readInstallSecrets(stateDir)).toEqual(made)
    // No temporary file left behind.
    expect(fs.readdirSync(stateDir)).toEqual(["secrets.json"])
  })

  it("tightens a copy that lost its mode and refuses a file with a weak secret", () => {
    const made = ensureInstallSecrets(dir)
    const file = path.join(dir, "secrets.json")
    fs.chmodSync(file, 0o644)
    expect(readInstallSecrets(dir)).toEqual(made)
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)

    fs.writeFileSync(file, JSON.stringify({ jwtSecret: "supersecret", cookieSecret: made.cookieSecret }))
    expect(() => readInstallSecrets(dir)).toThrow(/jwtSecret is a published default; delete the file/)
  })
})

describe("the state folder, wherever medusa-config is loaded from", () => {
  it("is the project's, also for the copy `medusa start` loads in .medusa/server", () => {
    expect(projectRootOf("/srv/shop")).toBe("/srv/shop")
    expect(projectRootOf("/srv/shop/.medusa/server")).toBe("/srv/shop")
    expect(stateDirOf("/srv/shop", {})).toBe("/srv/shop/.tienda")
    // A relative TIENDA_STATE_DIR is taken from the project, not from the working directory.
    expect(stateDirOf(projectRootOf("/srv/shop/.medusa/server"), { TIENDA_STATE_DIR: "var/state" })).toBe(
      "/srv/shop/var/state"
    )
    expect(stateDirOf("/srv/shop", { TIENDA_STATE_DIR: "/var/lib/tienda" })).toBe("/var/lib/tienda")
  })
})

describe("secretWeakness", () => {
  it("accepts random strings and names what is wrong with the others", () => {
    expect(secretWeakness("3f9c0a7e5b1d2c8f4a6e0b9d7c3f1a5e8b2d4c6f0a9e7b3d")).toBeUndefined()
    expect(secretWeakness("supersecret")).toBe("a published default")
    expect(secretWeakness("Tienda-Local-Development-Secret")).toBe("a published default")
    expect(secretWeakness("too-short-3f9c0a7e")).toBe("shorter than 32 characters")
    expect(secretWeakness("0".repeat(64))).toBe("a pattern with too little variety")
    expect(secretWeakness("0123456789abcdef".repeat(4))).toBe("a pattern with too little variety")
  })
})
