import fs from "node:fs"
import path from "node:path"
import dotenv from "dotenv"
import { userAskedForProductionRules } from "../../../src/lib/secrets/runtime-mode"

/**
 * Loads the project's `.env` into process.env without overriding what the shell already set, so
 * `PORT=9100 npm start` beats a PORT line in `.env`.
 */
export function loadProjectEnv(root: string): void {
  const file = path.join(root, ".env")
  if (fs.existsSync(file)) {
    dotenv.config({ path: file, override: false, quiet: true })
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

/**
 * True when the user asked for the production rules: any NODE_ENV but development and test (production, staging, …).
 * `medusa start` turns an unset NODE_ENV into "production", so ask before it runs.
 */
export function userWantsProduction(): boolean {
  return userAskedForProductionRules(process.env)
}

/** Where a local run listens when HOST is not set: this machine only. Production keeps Medusa's every interface. */
export const LOCAL_HOST = "127.0.0.1"

/** The address to reach the server at from this machine: HOST unless it means "every interface". */
export function reachableHost(host = process.env.HOST): string {
  if (!host || host === "0.0.0.0" || host === "::" || host === "[::]") {
    return "127.0.0.1"
  }
  return host.includes(":") && !host.startsWith("[") ? `[${host}]` : host
}
