import { createHash } from "node:crypto"

/**
 * A strong entity tag: a digest of the exact bytes sent, so two answers share a tag only when they are identical
 * (SHA-1 here is a fingerprint, not a security measure; it is the fastest digest Node has on this hardware).
 */
export function strongEntityTag(body: Buffer | string): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`
}

/**
 * True when an `If-None-Match` header names this tag (weak comparison: `W/"x"` matches `"x"`) or is `*`. Evaluated
 * here, not by Express: Express gives no 304 to a request that also says `Cache-Control: no-cache`, which fetch adds
 * to every request carrying If-None-Match, although the directive is addressed to caches, not to the origin.
 */
export function ifNoneMatchHits(header: string | string[] | undefined, tag: string): boolean {
  if (header === undefined) {
    return false
  }
  const value = Array.isArray(header) ? header.join(",") : header
  if (value.trim() === "*") {
    return true
  }
  const opaque = tag.replace(/^W\//, "")
  return value.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === opaque)
}
