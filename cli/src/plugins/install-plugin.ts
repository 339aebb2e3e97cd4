import fs from "node:fs"
import path from "node:path"
import type { ProjectPaths } from "../shared/project"
import { step, warn } from "../shared/log"
import { runLogged } from "../shared/run"

const NPM = process.platform === "win32" ? "npm.cmd" : "npm"

/**
 * Makes a workspace plugin (plugins/<dir>) importable the way `npm install` does — a link in node_modules —
 * and records it in package-lock.json so a clean clone's `npm ci` installs it too. The lockfile is updated
 * with `--package-lock-only`: node_modules is not rebuilt, so this stays fast and works offline when the
 * plugin needs no package the project lacks.
 */
export async function linkWorkspacePlugin(paths: ProjectPaths, name: string, dir: string): Promise<void> {
  const link = path.join(paths.root, "node_modules", ...name.split("/"))
  if (!fs.existsSync(link)) {
    fs.mkdirSync(path.dirname(link), { recursive: true })
    fs.symlinkSync(path.relative(path.dirname(link), dir), link, "dir")
  }
  const workspaceKey = path.relative(paths.root, dir).split(path.sep).join("/")
  if (lockfileHas(paths, workspaceKey)) {
    return
  }
  const done = step(`Recording ${name} in package-lock.json`)
  try {
    await runLogged(NPM, ["install", "--package-lock-only", "--no-audit", "--no-fund", "--ignore-scripts"], {
      cwd: paths.root,
      logFile: path.join(paths.state, "npm-lockfile.log"),
    })
    done("recorded")
  } catch (error) {
    done("failed")
    warn(`package-lock.json was not updated (${(error as Error).message}); run \`npm install\` before committing`)
  }
}

/** `npm install <spec>` for a plugin from the registry or a folder outside plugins/; returns its folder. */
export async function installPackage(paths: ProjectPaths, spec: string): Promise<string> {
  const before = new Set(Object.keys(dependencies(paths)))
  const done = step(`Installing ${spec}`)
  await runLogged(NPM, ["install", spec, "--no-audit", "--no-fund"], {
    cwd: paths.root,
    logFile: path.join(paths.state, "npm-install.log"),
  })
  done("installed")
  const added = Object.keys(dependencies(paths)).filter((name) => !before.has(name))
  const name = added[0] ?? packageNameOf(spec)
  return path.join(paths.root, "node_modules", ...name.split("/"))
}

function lockfileHas(paths: ProjectPaths, workspaceKey: string): boolean {
  try {
    const lock = JSON.parse(fs.readFileSync(path.join(paths.root, "package-lock.json"), "utf8"))
    return Boolean(lock.packages?.[workspaceKey])
  } catch {
    return false
  }
}

function dependencies(paths: ProjectPaths): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(paths.root, "package.json"), "utf8")).dependencies ?? {}
}

/** `@scope/name@1.2.3` → `@scope/name`. */
function packageNameOf(spec: string): string {
  const at = spec.indexOf("@", 1)
  return at > 0 ? spec.slice(0, at) : spec
}
