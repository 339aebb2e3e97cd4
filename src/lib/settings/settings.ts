import { readSettings } from "./read-settings"
import type { Settings } from "./registry"

let current: Settings | undefined

/**
 * The app's settings, read from process.env once (on first use, or when medusa-config.ts calls loadSettings at
 * boot) and kept: a setting changes with a restart. Code reads `settings().checkout.concurrency`.
 */
export function settings(): Settings {
  current ??= readSettings(process.env)
  return current
}

/**
 * Reads process.env afresh and keeps the result: medusa-config.ts calls it after loading `.env`, so every process
 * (server, worker, `medusa build`, `db:migrate`) stops at boot, naming every wrong variable.
 */
export function loadSettings(): Settings {
  current = readSettings(process.env)
  return current
}

/** Forgets the kept settings: a test that changed process.env calls it, and the next read sees the change. */
export function resetSettings(): void {
  current = undefined
}

/**
 * The settings of `env`: the kept ones for the process's own environment (or none given), else `env` read afresh —
 * how tests hand a function an environment of their own.
 */
export function settingsOf(env?: Record<string, string | undefined>): Settings {
  return env === undefined || env === process.env ? settings() : readSettings(env)
}
