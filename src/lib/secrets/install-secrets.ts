import fs from "node:fs"
import path from "node:path"
import { randomBytes } from "node:crypto"
import { secretWeakness } from "./secret-strength"

/** The secrets of one install, used when JWT_SECRET / COOKIE_SECRET are not set. */
export interface InstallSecrets {
  jwtSecret: string
  cookieSecret: string
}

export const SECRETS_FILE = "secrets.json"

export function secretsFileOf(stateDir: string): string {
  return path.join(stateDir, SECRETS_FILE)
}

/** The install's secrets when the state folder has them; a file that is not Tienda's is an error, not ignored. */
export function readInstallSecrets(stateDir: string): InstallSecrets | undefined {
  const file = secretsFileOf(stateDir)
  let text: string
  try {
    text = fs.readFileSync(file, "utf8")
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return undefined
    }
    throw error
  }
  let parsed: Partial<InstallSecrets>
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new Error(`${file} is not valid JSON: delete it to have a new one made (every session is then logged out)`)
  }
  for (const key of ["jwtSecret", "cookieSecret"] as const) {
    const value = parsed[key]
    const weakness = typeof value === "string" ? secretWeakness(value) : "missing"
    if (weakness) {
      throw new Error(`${file}: ${key} is ${weakness}; delete the file to have a new one made`)
    }
  }
  // Only the owner may read it; tighten a copy that lost its mode.
  if ((fs.statSync(file).mode & 0o077) !== 0) {
    fs.chmodSync(file, 0o600)
  }
  return parsed as InstallSecrets
}

/**
 * The install's secrets, made on first use: 32 random bytes each, written to `<state>/secrets.json` with mode 600.
 * Several processes may start at once (test workers, `medusa start --cluster`): the file is written whole under a
 * temporary name and linked into place, so exactly one set wins and nobody reads half a file.
 */
export function ensureInstallSecrets(stateDir: string): InstallSecrets {
  const existing = readInstallSecrets(stateDir)
  if (existing) {
    return existing
  }
  fs.mkdirSync(stateDir, { recursive: true })
  const secrets: InstallSecrets = {
    jwtSecret: randomBytes(32).toString("hex"),
    cookieSecret: randomBytes(32).toString("hex"),
  }
  const file = secretsFileOf(stateDir)
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`
  fs.writeFileSync(temporary, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600, flag: "wx" })
  try {
    fs.linkSync(temporary, file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === "EPERM" || code === "ENOTSUP" || code === "ENOSYS") {
      // A file system without hard links: an exclusive copy still lets only one set win.
      copyUnlessPresent(temporary, file)
    } else if (code !== "EEXIST") {
      throw error
    }
  } finally {
    fs.rmSync(temporary, { force: true })
  }
  return readInstallSecrets(stateDir) as InstallSecrets
}

function copyUnlessPresent(from: string, to: string): void {
  try {
    fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
      throw error
    }
  }
}
