import fs from "node:fs"
import path from "node:path"
import type { ProjectPaths } from "../shared/project"
import { fingerprint, readStamp, writeStamp } from "../shared/fingerprint"
import { step } from "../shared/log"
import { runLogged } from "../shared/run"

/** The workspace plugins: every folder under plugins/ with a package.json. */
export function workspacePlugins(paths: ProjectPaths): { name: string; dir: string }[] {
  const folder = path.join(paths.root, "plugins")
  if (!fs.existsSync(folder)) {
    return []
  }
  return fs
    .readdirSync(folder)
    .filter((name) => fs.existsSync(path.join(folder, name, "package.json")))
    .map((name) => ({ name, dir: path.join(folder, name) }))
}

/**
 * Medusa loads a plugin from its build output (`.medusa/server`), so every plugin must be built before the app
 * migrates, builds or runs tests; an unbuilt one fails with "Cannot find module", or silently loses its routes.
 * Each is rebuilt only when its sources changed (the stamp lives inside the output `plugin:build` replaces).
 */
export async function buildPlugins(paths: ProjectPaths, env: NodeJS.ProcessEnv): Promise<void> {
  for (const plugin of workspacePlugins(paths)) {
    await buildPlugin(paths, plugin, env)
  }
}

/** True when the plugin's build output matches its sources. */
export function pluginBuildIsCurrent(plugin: { dir: string }): boolean {
  return readStamp(stampFile(plugin.dir)) === sourceFingerprint(plugin.dir)
}

/** Builds one workspace plugin when its sources changed since its last build; returns whether it built. */
export async function buildPlugin(
  paths: ProjectPaths,
  plugin: { name: string; dir: string },
  env: NodeJS.ProcessEnv
): Promise<boolean> {
  const expected = sourceFingerprint(plugin.dir)
  if (readStamp(stampFile(plugin.dir)) === expected) {
    return false
  }
  const done = step(`Building plugin ${plugin.name}`)
  await runLogged(paths.medusaBin, ["plugin:build"], {
    cwd: plugin.dir,
    env,
    logFile: path.join(paths.state, `plugin-build-${plugin.name}.log`),
  })
  writeStamp(stampFile(plugin.dir), expected)
  done("built")
  return true
}

function sourceFingerprint(dir: string): string {
  return fingerprint(dir, ["src", "package.json", "tsconfig.json"])
}

// The stamp lives inside the output `plugin:build` replaces, so a build by hand never looks current by mistake.
function stampFile(dir: string): string {
  return path.join(dir, ".medusa", "server", ".tienda-plugin-build.json")
}
