import { type ApiVersion, currentVersion } from "./versions"

export type VersionOutcome =
  | { kind: "serve"; version: ApiVersion; deprecated: boolean }
  | { kind: "unknown"; requested: string; supported: string[] }
  | { kind: "retired"; version: ApiVersion; current: ApiVersion }

/** Which version answers a request that asked for `requested` (undefined: no header) at `now`. */
export function negotiateVersion(
  versions: readonly ApiVersion[],
  requested: string | undefined,
  now: Date
): VersionOutcome {
  const current = currentVersion(versions)
  if (requested === undefined || requested.trim() === "") {
    return { kind: "serve", version: current, deprecated: false }
  }
  const wanted = requested.trim()
  const version = versions.find((v) => v.version === wanted)
  if (!version) {
    return { kind: "unknown", requested: wanted, supported: servedVersions(versions, now) }
  }
  if (version.sunset && now.getTime() >= dayStart(version.sunset)) {
    return { kind: "retired", version, current }
  }
  return { kind: "serve", version, deprecated: Boolean(version.deprecated) }
}

/** The versions still served at `now`. */
export function servedVersions(versions: readonly ApiVersion[], now: Date): string[] {
  return versions.filter((v) => !v.sunset || now.getTime() < dayStart(v.sunset)).map((v) => v.version)
}

/** Midnight UTC of a YYYY-MM-DD day, in milliseconds. */
export function dayStart(day: string): number {
  const time = Date.parse(`${day}T00:00:00Z`)
  if (Number.isNaN(time)) {
    throw new Error(`"${day}" is not a YYYY-MM-DD day`)
  }
  return time
}
