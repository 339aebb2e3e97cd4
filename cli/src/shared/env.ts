import fs from "node:fs"
import path from "node:path"
import dotenv from "dotenv"

/**
 * Loads the project's `.env` into process.env without overriding what the shell already set, so
 * `PORT=9100 npm start` beats a PORT line in `.env`.
 */
export function loadProjectEnv(root: string): void {
  const file = path.join(root, ".env")
  if (fs.existsSync(file)) {
    dotenv.config({ path: file, override: false, quiet: true } as dotenv.DotenvConfigOptions)
  }
}

/** The port Medusa listens on: PORT, default 9000; anything else is a usage error. */
export function serverPort(): number {
  const raw = process.env.PORT ?? "9000"
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a whole number from 1 to 65535 (got "${raw}")`)
  }
  return port
}

export function embeddedPort(variable: string, fallback: number): number {
  const raw = process.env[variable]
  if (raw === undefined || raw === "") {
    return fallback
  }
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${variable} must be a whole number from 1 to 65535 (got "${raw}")`)
  }
  return port
}

/** True when the user asked for production; `medusa start` forces NODE_ENV=production on every run, so ask first. */
export function userWantsProduction(): boolean {
  return process.env.NODE_ENV === "production"
}
