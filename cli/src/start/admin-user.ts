import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import type { ProjectPaths } from "../shared/project"
import { redact } from "../db/database"
import { runLogged } from "../shared/run"

export interface AdminCredentials {
  email: string
  /** Known only for a user this machine created; undefined for one made elsewhere. */
  password?: string
}

type CredentialsFile = Record<string, { email: string; password: string }>

function readCredentialsFile(file: string): CredentialsFile {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"))
  } catch {
    return {}
  }
}

/** Creates an admin user through `medusa user` and remembers its password under .tienda/ (mode 600). */
export async function createAdminUser(paths: ProjectPaths, env: NodeJS.ProcessEnv): Promise<AdminCredentials> {
  const email = env.TIENDA_ADMIN_EMAIL || "admin@tienda.local"
  const password = env.TIENDA_ADMIN_PASSWORD || crypto.randomBytes(12).toString("base64url")
  await runLogged(paths.medusaBin, ["user", "-e", email, "-p", password], {
    cwd: paths.root,
    env,
    logFile: path.join(paths.state, "admin-user.log"),
  })
  const saved = readCredentialsFile(paths.adminCredentials)
  saved[redact(env.DATABASE_URL as string)] = { email, password }
  fs.writeFileSync(paths.adminCredentials, JSON.stringify(saved, null, 2), { mode: 0o600 })
  return { email, password }
}

/** The credentials of an existing admin: the remembered password when this machine created that user. */
export function knownAdmin(paths: ProjectPaths, databaseUrl: string, emails: string[]): AdminCredentials {
  const saved = readCredentialsFile(paths.adminCredentials)[redact(databaseUrl)]
  if (saved && emails.includes(saved.email)) {
    return saved
  }
  return { email: emails[0] }
}
