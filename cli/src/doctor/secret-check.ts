import path from "node:path"
import type { ProjectPaths } from "../shared/project"
import { userWantsProduction } from "../shared/env"
import { readInstallSecrets } from "../../../src/lib/secrets/install-secrets"
import { GENERATE_SECRET_HINT, secretWeakness } from "../../../src/lib/secrets/secret-strength"
import { projectFileContaining } from "./project-files"
import type { Check } from "./checks"

const VARIABLES = [
  ["JWT_SECRET", "jwtSecret"],
  ["COOKIE_SECRET", "cookieSecret"],
] as const

/**
 * The secrets that sign admin tokens and session cookies: a published default, a short or patterned value, or one
 * written in any file of the project (so in every copy of the repository) is a problem, whatever NODE_ENV is. The
 * values themselves are never printed.
 */
export function checkSecrets(paths: ProjectPaths): Check[] {
  let install: ReturnType<typeof readInstallSecrets>
  let installProblem: string | undefined
  try {
    install = readInstallSecrets(paths.state)
  } catch (error) {
    installProblem = (error as Error).message
  }
  const stateFile = path.relative(paths.root, paths.secrets) || paths.secrets
  return VARIABLES.map(([variable, key]) => {
    const fromEnv = process.env[variable]
    if (fromEnv) {
      const problem = secretWeakness(fromEnv) ?? publishedIn(paths.root, fromEnv)
      return problem
        ? fail(
            variable,
            `set from the environment, but it is ${problem}`,
            `set ${variable} to a new random value (${GENERATE_SECRET_HINT}), or unset it to use this install's own`
          )
        : ok(variable, "set from the environment (random, not published)")
    }
    if (installProblem) {
      const fix = `delete ${stateFile}: \`npx tienda start\` makes a new one (everyone is logged out)`
      return fail(variable, installProblem, fix)
    }
    if (!install) {
      return userWantsProduction()
        ? fail(
            variable,
            `not set, and there is no ${stateFile} (NODE_ENV=${process.env.NODE_ENV} uses the production rules)`,
            `set ${variable} (${GENERATE_SECRET_HINT}) or run \`npx tienda start\` once`
          )
        : ok(variable, `not made yet: the first \`npx tienda start\` makes this install's own in ${stateFile}`)
    }
    const published = publishedIn(paths.root, install[key])
    return published
      ? fail(
          variable,
          `this install's own (${stateFile}) is ${published}`,
          `delete ${stateFile} and remove the copy: \`npx tienda start\` makes a new one`
        )
      : ok(variable, `this install's own, random (${stateFile}, mode 600)`)
  })
}

function publishedIn(root: string, value: string): string | undefined {
  const file = projectFileContaining(root, value)
  return file ? `written in ${file}, which is published with the project` : undefined
}

const ok = (name: string, detail: string): Check => ({ name, status: "ok", detail })
const fail = (name: string, detail: string, fix: string): Check => ({ name, status: "fail", detail, fix })
