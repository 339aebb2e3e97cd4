import { readSetting } from "../settings/read-settings"
import { serverSettings } from "../settings/groups/server"

/**
 * Which rules the configuration applies. Only NODE_ENV=development or test, or a local `tienda start` (it sets
 * TIENDA_LOCAL=true when the user's own NODE_ENV is unset, development or test, because `medusa start` turns an
 * unset NODE_ENV into "production"), get the local rules; every other value — production, staging, anything — gets
 * the production rules: secrets from the environment or an existing state file, Secure cookies, no demo accounts.
 */
export function usesProductionRules(env: NodeJS.ProcessEnv = process.env): boolean {
  // One variable at a time, not the whole settings: the `tienda` CLI asks too, before any app setting matters.
  if (readSetting(serverSettings.local, env)) {
    return false
  }
  const nodeEnv = readSetting(serverSettings.nodeEnv, env)
  return nodeEnv !== "development" && nodeEnv !== "test"
}

/** The same question asked by `tienda` itself before anything starts: an unset NODE_ENV means a local run. */
export function userAskedForProductionRules(env: NodeJS.ProcessEnv = process.env): boolean {
  const nodeEnv = readSetting(serverSettings.nodeEnv, env)
  return Boolean(nodeEnv) && usesProductionRules({ NODE_ENV: nodeEnv })
}
