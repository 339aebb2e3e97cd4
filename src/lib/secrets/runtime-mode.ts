/**
 * Which rules the configuration applies. Only NODE_ENV=development or test, or a local `tienda start` (it sets
 * TIENDA_LOCAL=true when the user's own NODE_ENV is unset, development or test, because `medusa start` turns an
 * unset NODE_ENV into "production"), get the local rules; every other value — production, staging, anything — gets
 * the production rules: secrets from the environment or an existing state file, Secure cookies, no demo accounts.
 */
export function usesProductionRules(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.TIENDA_LOCAL === "true") {
    return false
  }
  return env.NODE_ENV !== "development" && env.NODE_ENV !== "test"
}

/** The same question asked by `tienda` itself before anything starts: an unset NODE_ENV means a local run. */
export function userAskedForProductionRules(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.NODE_ENV) && usesProductionRules({ NODE_ENV: env.NODE_ENV })
}
