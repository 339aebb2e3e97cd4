import type { SettingType } from "./setting-type"

/** One environment variable the app reads: its name, type, value when unset and what it does (for the docs). */
export interface SettingDefinition<T> {
  name: string
  type: SettingType<T>
  default: T
  description: string
}

/** A setting with a value when unset. */
export function setting<T>(name: string, type: SettingType<T>, fallback: T, description: string): SettingDefinition<T> {
  return { name, type, default: fallback, description }
}

/** A setting that is undefined when unset (its reader decides, e.g. "on unless under jest"). */
export function optional<T>(name: string, type: SettingType<T>, description: string): SettingDefinition<T | undefined> {
  return { name, type, default: undefined, description }
}

/** A named set of settings, parsed together into one object of the same keys. */
export type SettingGroup = Record<string, SettingDefinition<unknown>>

export type ParsedGroup<G extends SettingGroup> = {
  readonly [K in keyof G]: G[K] extends SettingDefinition<infer T> ? T : never
}

/**
 * A variable the app documents but does not parse: read by the `tienda` CLI, the test runner, Medusa itself, or
 * with rules of their own (src/lib/secrets). Registered so the docs check knows it.
 */
export interface DocumentedVariable {
  name: string
  readBy: "secrets" | "cli" | "tests" | "medusa"
  description: string
}
