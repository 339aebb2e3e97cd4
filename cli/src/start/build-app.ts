import fs from "node:fs"
import path from "node:path"
import type { ProjectPaths } from "../shared/project"
import { fingerprint, readStamp, writeStamp } from "../shared/fingerprint"
import { runLogged } from "../shared/run"

/** What the production build depends on; the admin bundle also bakes in these variables. */
function buildFingerprint(paths: ProjectPaths): string {
  const pluginBuilds = fs.existsSync(path.join(paths.root, "plugins"))
    ? fs.readdirSync(path.join(paths.root, "plugins")).map((name) => `plugins/${name}/.medusa/server`)
    : []
  return fingerprint(
    paths.root,
    ["src", "medusa-config.ts", "instrumentation.ts", "tsconfig.json", "package-lock.json", ...pluginBuilds],
    {
      MEDUSA_BACKEND_URL: process.env.MEDUSA_BACKEND_URL,
      DISABLE_MEDUSA_ADMIN: process.env.DISABLE_MEDUSA_ADMIN,
    }
  )
}

const stampFile = (paths: ProjectPaths) => path.join(paths.server, ".tienda-build.json")

/** True when `.medusa/server` holds a build of exactly the current sources. */
export function buildIsCurrent(paths: ProjectPaths): boolean {
  return readStamp(stampFile(paths)) === buildFingerprint(paths)
}

/**
 * `medusa build` (backend + admin bundle, ~50 s here), output to a log file, then the two things `medusa start`
 * needs inside `.medusa/server`: the project's node_modules and a stamp saying what was built.
 */
export async function buildApp(paths: ProjectPaths, env: NodeJS.ProcessEnv, logFile: string): Promise<void> {
  const expected = buildFingerprint(paths)
  await runLogged(paths.medusaBin, ["build"], { cwd: paths.root, env, logFile })
  const modulesLink = path.join(paths.server, "node_modules")
  if (!fs.existsSync(modulesLink)) {
    fs.symlinkSync(path.relative(paths.server, path.join(paths.root, "node_modules")), modulesLink, "dir")
  }
  writeStamp(stampFile(paths), expected)
}
