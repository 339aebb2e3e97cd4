import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import type { ProjectPaths } from "../shared/project"
import { fingerprint, readStamp, writeStamp } from "../shared/fingerprint"
import { info, step } from "../shared/log"
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
  const stale = workspacePlugins(paths).filter((plugin) => !pluginBuildIsCurrent(plugin))
  if (stale.length <= 1) {
    for (const plugin of stale) {
      await buildPlugin(paths, plugin, env)
    }
    return
  }
  // A build is one CPU-bound process: as many side by side as there are cores (each takes ~10 s here).
  const parallel = Math.min(stale.length, Math.max(1, os.availableParallelism()))
  const started = Date.now()
  info(`• Building plugins ${stale.map((plugin) => plugin.name).join(", ")} (${parallel} at a time)…`)
  const queue = [...stale]
  const worker = async () => {
    for (let plugin = queue.shift(); plugin; plugin = queue.shift()) {
      const pluginStarted = Date.now()
      await runPluginBuild(paths, plugin, env)
      info(`  built ${plugin.name} (${((Date.now() - pluginStarted) / 1000).toFixed(1)} s)`)
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker))
  info(`  all built (${((Date.now() - started) / 1000).toFixed(1)} s)`)
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
  if (pluginBuildIsCurrent(plugin)) {
    return false
  }
  const done = step(`Building plugin ${plugin.name}`)
  await runPluginBuild(paths, plugin, env)
  done("built")
  return true
}

/** `medusa plugin:build` into the plugin's `.medusa/server`, logged to .tienda/, then the stamp of what was built. */
async function runPluginBuild(
  paths: ProjectPaths,
  plugin: { name: string; dir: string },
  env: NodeJS.ProcessEnv
): Promise<void> {
  const expected = sourceFingerprint(plugin.dir)
  await runLogged(paths.medusaBin, ["plugin:build"], {
    cwd: plugin.dir,
    env,
    logFile: path.join(paths.state, `plugin-build-${plugin.name}.log`),
  })
  writeStamp(stampFile(plugin.dir), expected)
}

function sourceFingerprint(dir: string): string {
  return fingerprint(dir, ["src", "package.json", "tsconfig.json"])
}

// The stamp lives inside the output `plugin:build` replaces, so a build by hand never looks current by mistake.
function stampFile(dir: string): string {
  return path.join(dir, ".medusa", "server", ".tienda-plugin-build.json")
}
