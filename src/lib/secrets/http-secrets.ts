import { ensureInstallSecrets, readInstallSecrets, secretsFileOf, type InstallSecrets } from "./install-secrets"
import { GENERATE_SECRET_HINT, MIN_SECRET_LENGTH, secretWeakness } from "./secret-strength"

export interface HttpSecretsContext {
  env: NodeJS.ProcessEnv
  stateDir: string
  productionRules: boolean
}

const VARIABLES = { jwtSecret: "JWT_SECRET", cookieSecret: "COOKIE_SECRET" } as const

/**
 * The secrets that sign admin/customer tokens and session cookies. JWT_SECRET / COOKIE_SECRET when set (a published
 * default, a short or patterned value is refused in every mode); otherwise the install's own random ones in
 * `<state>/secrets.json`. Local rules make that file on first use; production rules only read it (`tienda start`
 * makes it), so separate servers never each invent a secret of their own and reject each other's tokens.
 */
export function httpSecrets({ env, stateDir, productionRules }: HttpSecretsContext): InstallSecrets {
  let install: InstallSecrets | undefined
  const fromInstall = (): InstallSecrets => {
    install ??= productionRules ? readInstallSecrets(stateDir) : ensureInstallSecrets(stateDir)
    if (!install) {
      throw new Error(
        `JWT_SECRET and COOKIE_SECRET must be set to random strings of at least ${MIN_SECRET_LENGTH} characters ` +
          `(NODE_ENV=${env.NODE_ENV ?? ""} uses the production rules, and there is no ${secretsFileOf(stateDir)}). ` +
          `Generate each with: ${GENERATE_SECRET_HINT} — or run \`npx tienda start\` once on this machine.`
      )
    }
    return install
  }
  const pick = (key: keyof InstallSecrets): string => {
    const name = VARIABLES[key]
    const value = env[name]
    if (!value) {
      return fromInstall()[key]
    }
    const weakness = secretWeakness(value)
    if (weakness) {
      throw new Error(
        `${name} must be a random string of at least ${MIN_SECRET_LENGTH} characters (it is ${weakness}). ` +
          `Generate one with: ${GENERATE_SECRET_HINT} — or unset it to use this install's own ` +
          `(${secretsFileOf(stateDir)}).`
      )
    }
    return value
  }
  return { jwtSecret: pick("jwtSecret"), cookieSecret: pick("cookieSecret") }
}
