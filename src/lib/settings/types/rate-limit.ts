import type { SettingType } from "../setting-type"

export interface RateLimit {
  points: number
  durationSeconds: number
}

/** "<requests>/<seconds>" → numbers; a malformed value is a configuration error and says so. */
export function parseLimit(value: string, variable: string): RateLimit {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value)
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
    throw new Error(`${variable} must look like "<requests>/<seconds>", e.g. "10/60" (got "${value}")`)
  }
  return { points: Number(match[1]), durationSeconds: Number(match[2]) }
}

export const rateLimit: SettingType<RateLimit> = { expected: "<requests>/<seconds>, e.g. 10/60", parse: parseLimit }
