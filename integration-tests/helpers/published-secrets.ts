import fs from "node:fs"
import path from "node:path"
import { execFileSync } from "node:child_process"
import jwt from "jsonwebtoken"
import { PUBLISHED_SECRETS } from "../../src/lib/secrets/secret-strength"

const root = path.resolve(__dirname, "../..")

/**
 * A value given to a signing secret in a file: `JWT_SECRET: "…"`, `jwtSecret: process.env.X || "…"`,
 * `COOKIE_SECRET=…` (env files), in any spelling of the two names.
 */
const ASSIGNMENT =
  /(?:jwt|cookie)[_-]?secret["']?\s*[:=]\s*(?:[^"'`\n]*?\|\|\s*|[^"'`\n]*?\?\?\s*)?(?:["'`]([^"'`\n]+)["'`]|([^\s"'`#,;()]+))/gi

/**
 * Every secret string that appears in the repository: the ones Tienda knows were published (Medusa's default, its
 * own old fallback, doc placeholders) and every literal any tracked file assigns to a JWT or cookie secret (bench
 * configs, examples). Anyone who has the code has these, so none may ever sign a token the shop accepts.
 */
export function repositorySecrets(): string[] {
  const found = new Set<string>(PUBLISHED_SECRETS)
  const files = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" }).split("\0").filter(Boolean)
  for (const file of files) {
    const full = path.join(root, file)
    if (!fs.existsSync(full) || fs.statSync(full).size > 2_000_000) {
      continue
    }
    for (const match of fs.readFileSync(full, "utf8").matchAll(ASSIGNMENT)) {
      const value = match[1] ?? match[2]
      // A variable or expression (process.env.X, secrets.jwtSecret, an empty value) is not a literal secret.
      if (
        value &&
        !/^(process\.|env\.|secrets?\.|[A-Za-z_$][\w$]*\.[\w$.]+$|\$\{)/.test(value) &&
        !/^[A-Za-z_$][\w$]*$/.test(value)
      ) {
        found.add(value)
      }
    }
  }
  return [...found]
}

/** A bearer token for an admin user, as Medusa's login makes one, signed with `secret`. */
export function adminTokenSignedWith(secret: string, userId: string): string {
  return jwt.sign(
    { actor_id: userId, actor_type: "user", auth_identity_id: "authid_forged", app_metadata: { user_id: userId } },
    secret,
    {
      expiresIn: "1d",
    }
  )
}
