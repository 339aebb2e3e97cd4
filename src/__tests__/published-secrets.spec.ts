import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { authenticate } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ensureInstallSecrets } from "../lib/secrets/install-secrets"
import { adminTokenSignedWith, repositorySecrets } from "../../integration-tests/helpers/published-secrets"

/**
 * In every mode the config can run in, Medusa's own admin authentication (the middleware every /admin route runs)
 * refuses a token signed with any secret string found in the repository, and accepts one signed with the secret
 * the config actually uses (so the forged tokens are well-formed). The HTTP suite security-published-secrets.ts
 * does the same against a booted app.
 */
const SAVED_ENV = { ...process.env }
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "tienda-published-secrets-"))

function configUnder(env: Record<string, string>): any {
  process.env = { ...SAVED_ENV }
  for (const name of ["NODE_ENV", "TIENDA_LOCAL", "TIENDA_STATE_DIR", "JWT_SECRET", "COOKIE_SECRET"]) {
    delete process.env[name]
  }
  Object.assign(process.env, env)
  let config: any
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy of the config per environment
    config = require("../../medusa-config")
  })
  return config
}

/** Runs Medusa's admin authentication on a request carrying `token`; the HTTP status it answers, 200 if it passes. */
async function adminStatus(config: any, token: string): Promise<number> {
  const scope = {
    resolve: (key: string) =>
      key === ContainerRegistrationKeys.CONFIG_MODULE ? config : { warn() {}, error() {}, debug() {} },
  }
  const req: any = { headers: { authorization: `Bearer ${token}` }, scope, session: {} }
  let status = 200
  const res: any = { status: (code: number) => ((status = code), res), json: () => res }
  let passed = false
  // Medusa types the middleware as returning void, though it is async and answers after awaiting.
  await (authenticate("user", ["session", "bearer", "api-key"])(
    req,
    res,
    () => (passed = true)
  ) as unknown as Promise<void>)
  return passed ? 200 : status
}

afterAll(() => {
  process.env = SAVED_ENV
  fs.rmSync(scratch, { recursive: true, force: true })
})

describe("a token signed with a secret published in the repository", () => {
  const secrets = repositorySecrets()

  it("is found: the scan sees Medusa's default, Tienda's old fallback and the bench's former secrets", () => {
    expect(secrets).toEqual(expect.arrayContaining(["supersecret", "tienda-local-development-secret"]))
    expect(secrets.some((secret) => secret.startsWith("bench-jwt-secret"))).toBe(true)
  })

  const stateWithFile = path.join(scratch, "with-file")
  const modes: [string, Record<string, string>][] = [
    ["development", { NODE_ENV: "development", TIENDA_STATE_DIR: path.join(scratch, "development") }],
    ["test (the test runner)", { NODE_ENV: "test", TIENDA_STATE_DIR: path.join(scratch, "test") }],
    [
      "a local `tienda start` (medusa start)",
      { NODE_ENV: "production", TIENDA_LOCAL: "true", TIENDA_STATE_DIR: path.join(scratch, "local") },
    ],
    ["production, install secrets", { NODE_ENV: "production", TIENDA_STATE_DIR: stateWithFile }],
    ["staging, install secrets", { NODE_ENV: "staging", TIENDA_STATE_DIR: stateWithFile }],
  ]

  it.each(modes)("is refused by /admin authentication under %s", async (_, env) => {
    if (env.TIENDA_STATE_DIR === stateWithFile) {
      ensureInstallSecrets(stateWithFile) // what `tienda start` does before medusa start
    }
    const config = configUnder(env)
    const userId = "user_01TIENDAADMIN"
    expect(await adminStatus(config, adminTokenSignedWith(config.projectConfig.http.jwtSecret, userId))).toBe(200)
    for (const secret of secrets) {
      expect({ secret, status: await adminStatus(config, adminTokenSignedWith(secret, userId)) }).toEqual({
        secret,
        status: 401,
      })
    }
  })
})
