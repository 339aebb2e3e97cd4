import type { ParsedGroup, SettingDefinition, SettingGroup } from "./define"
import { SETTING_GROUPS, type Settings } from "./registry"
import { SettingsError } from "./settings-error"

type Env = Record<string, string | undefined>

/** One variable's value in `env`: its default when unset or blank, else its type's reading (which may throw). */
export function readSetting<T>(definition: SettingDefinition<T>, env: Env): T {
  const raw = env[definition.name]?.trim()
  return raw === undefined || raw === "" ? definition.default : definition.type.parse(raw, definition.name)
}

function readGroup<G extends SettingGroup>(group: G, env: Env, problems: string[]): ParsedGroup<G> {
  const values: Record<string, unknown> = {}
  for (const [key, definition] of Object.entries(group)) {
    try {
      values[key] = readSetting(definition, env)
    } catch (error) {
      problems.push((error as Error).message)
    }
  }
  return Object.freeze(values) as ParsedGroup<G>
}

/**
 * Every setting read from `env` (the process's, or a test's own object) into one frozen object. Throws a
 * SettingsError naming every variable that is wrong, with its value and what it must be.
 */
export function readSettings(env: Env): Settings {
  const problems: string[] = []
  const settings = Object.fromEntries(
    Object.entries(SETTING_GROUPS).map(([name, group]) => [name, readGroup(group as SettingGroup, env, problems)])
  )
  if (problems.length > 0) {
    throw new SettingsError(problems)
  }
  return Object.freeze(settings) as Settings
}
