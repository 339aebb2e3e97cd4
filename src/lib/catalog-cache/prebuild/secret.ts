import { createHash, randomBytes, timingSafeEqual } from "node:crypto"

/**
 * How the read model's prebuild (prebuild.ts) proves that a request is its own: the header carries a
 * random secret made when this process started, which never leaves it (the prebuild asks its own port over
 * loopback). Such requests skip the URL cache and count as no storefront traffic. Anything else in the header —
 * a client copying the name, a guess, an old process's value — is ignored: the request is an ordinary one.
 */
export const PREBUILD_HEADER = "x-tienda-prebuild"

const SECRET = randomBytes(32).toString("base64url")
const SECRET_DIGEST = digest(SECRET)

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest()
}

/** The header value the prebuild sends. */
export function prebuildHeaderValue(): string {
  return SECRET
}

/** True only when the request carries this process's secret (compared in constant time, whatever its length). */
export function isInternalPrebuild(req: { headers: Record<string, string | string[] | undefined> }): boolean {
  const value = req.headers[PREBUILD_HEADER]
  return typeof value === "string" && timingSafeEqual(digest(value), SECRET_DIGEST)
}
