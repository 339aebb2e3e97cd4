import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { findProjectRoot, projectPaths, UsageError } from "../shared/project"
import { loadProjectEnv } from "../shared/env"
import { info, step } from "../shared/log"
import { runLogged } from "../shared/run"
import { readShopState } from "../db/database"
import { withShopDatabase } from "../db/shop-database"

export interface CreateUserOptions {
  email?: string
  password?: string
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const MIN_PASSWORD = 8

/** `tienda user create --email <email> [--password <password>]`: an admin user (random password by default). */
export async function createUser(options: CreateUserOptions): Promise<number> {
  const email = options.email ?? ""
  if (!EMAIL.test(email)) {
    throw new UsageError(`--email must be an email address (got "${email}")`)
  }
  if (options.password !== undefined && options.password.length < MIN_PASSWORD) {
    throw new UsageError(`--password must have at least ${MIN_PASSWORD} characters`)
  }
  const password = options.password ?? crypto.randomBytes(12).toString("base64url")
  const root = findProjectRoot()
  loadProjectEnv(root)
  const paths = projectPaths(root)
  fs.mkdirSync(paths.state, { recursive: true })
  return withShopDatabase(paths, async (databaseUrl) => {
    const state = await readShopState(databaseUrl).catch(() => undefined)
    if (!state?.migrated) {
      throw new Error("The shop's database is not set up yet: run `npm start` (or `npx tienda seed`) once first")
    }
    if (state.adminEmails.includes(email.toLowerCase()) || state.adminEmails.includes(email)) {
      throw new UsageError(`An admin user ${email} already exists`)
    }
    const done = step(`Creating the admin user ${email}`)
    await runLogged(paths.medusaBin, ["user", "-e", email, "-p", password], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, MEDUSA_DISABLE_TELEMETRY: "true" },
      logFile: path.join(paths.state, "user-create.log"),
    })
    done("created")
    info(`  Admin login  ${email} / ${password}`)
    return 0
  })
}
