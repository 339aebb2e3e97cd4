import path from "node:path"

/**
 * Loads medusa-config.ts in this process before anything starts, so a configuration mistake (a missing
 * production secret, a bad MEDUSA_WORKER_MODE) is reported in one clear line instead of from inside a
 * migration or server log. The CLI runs under tsx, which compiles the TypeScript config on require.
 */
export function checkMedusaConfig(root: string): void {
  const file = path.join(root, "medusa-config.ts")
  try {
    delete require.cache[require.resolve(file)]
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- tsx compiles the config on require
    require(file)
  } catch (error) {
    throw new Error(`medusa-config.ts refused this configuration: ${(error as Error).message}`)
  }
}
