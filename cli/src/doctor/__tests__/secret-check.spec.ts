import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { randomBytes } from "node:crypto"
import { checkSecrets } from "../secret-check"
import { projectPaths } from "../../shared/project"
import { ensureInstallSecrets } from "../../../../src/lib/secrets/install-secrets"

describe("tienda doctor: secrets", () => {
  const saved = { ...process.env }
  let root: string
  const random = () => randomBytes(32).toString("hex")
  const byName = (env: Record<string, string>) => {
    process.env = { ...saved, TIENDA_STATE_DIR: "", JWT_SECRET: "", COOKIE_SECRET: "", NODE_ENV: "", ...env }
    return Object.fromEntries(checkSecrets(projectPaths(root)).map((check) => [check.name, check]))
  }

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "tienda-doctor-secrets-"))
    fs.writeFileSync(path.join(root, "medusa-config.ts"), "module.exports = {}\n")
  })
  afterEach(() => {
    process.env = { ...saved }
    fs.rmSync(root, { recursive: true, force: true })
  })

  it("fails a published, short or patterned secret from the environment, with a fix, never printing it", () => {
    const checks = byName({ JWT_SECRET: "supersecret", COOKIE_SECRET: "0123456789abcdef".repeat(4) })
    expect(checks.JWT_SECRET).toMatchObject({
      status: "fail",
      detail: expect.stringContaining("a published default"),
      fix: expect.stringContaining("randomBytes(32)"),
    })
    expect(checks.COOKIE_SECRET).toMatchObject({
      status: "fail",
      detail: expect.stringContaining("a pattern with too little variety"),
    })
    expect(byName({ JWT_SECRET: "tienda-local-development-secret" }).JWT_SECRET.status).toBe("fail")
    expect(byName({ JWT_SECRET: "short" }).JWT_SECRET.detail).toMatch(/shorter than 32 characters/)
    expect(JSON.stringify(checks)).not.toContain("0123456789abcdef".repeat(4))
  })

  it("fails a random secret that is written in a file of the project (published with it)", () => {
    const leaked = random()
    fs.mkdirSync(path.join(root, "deploy"))
    fs.writeFileSync(path.join(root, "deploy", "values.yaml"), `jwt: ${leaked}\n`)
    const checks = byName({ JWT_SECRET: leaked, COOKIE_SECRET: random() })
    expect(checks.JWT_SECRET).toMatchObject({
      status: "fail",
      detail: expect.stringContaining(`written in ${path.join("deploy", "values.yaml")}`),
    })
    expect(checks.COOKIE_SECRET.status).toBe("ok")
    // A .env file is private (git-ignored), not published.
    fs.rmSync(path.join(root, "deploy"), { recursive: true })
    fs.writeFileSync(path.join(root, ".env"), `JWT_SECRET=${leaked}\n`)
    expect(byName({ JWT_SECRET: leaked }).JWT_SECRET.status).toBe("ok")
  })

  it("uses the install's own file, and fails the production rules without it", () => {
    expect(byName({ NODE_ENV: "staging" }).JWT_SECRET).toMatchObject({
      status: "fail",
      fix: expect.stringContaining("npx tienda start"),
    })
    expect(byName({}).JWT_SECRET.status).toBe("ok")
    ensureInstallSecrets(path.join(root, ".tienda"))
    expect(byName({ NODE_ENV: "production" }).COOKIE_SECRET).toMatchObject({
      status: "ok",
      detail: expect.stringContaining("this install's own"),
    })
  })
})
