/**
 * The versions of Tienda's own routes. A change that breaks a client (a field removed or renamed, a new required
 * input, another meaning) adds a version; the one before it gets `deprecated` (the day the new one ships) and a
 * `sunset` at least DEPRECATION_PERIOD_DAYS later. Until its sunset a deprecated version is still served, with
 * `Deprecation` and `Sunset` headers on every answer; after it, asking for it is answered 410. Adding a field or a
 * route breaks nobody and needs no version. Medusa's routes keep Medusa's own contract and carry no version.
 */
export interface ApiVersion {
  version: string
  /** YYYY-MM-DD, UTC. */
  released: string
  deprecated?: string
  sunset?: string
}

export const API_VERSIONS: readonly ApiVersion[] = [{ version: "1", released: "2026-12-06" }]

/** How long a replaced version keeps being served, at least. */
export const DEPRECATION_PERIOD_DAYS = 180

/** The request header a client pins a version with, and the answer header that says which version answered. */
export const VERSION_HEADER = "Tienda-Version"

/** The newest version that is not deprecated: what a request without the header gets. */
export function currentVersion(versions: readonly ApiVersion[]): ApiVersion {
  const current = [...versions].reverse().find((v) => !v.deprecated)
  if (!current) {
    throw new Error("every API version is deprecated: one must be current")
  }
  return current
}
