import fs from "node:fs"
import path from "node:path"
import { findProjectRoot, projectPaths, UsageError, type ProjectPaths } from "../shared/project"
import { loadProjectEnv } from "../shared/env"
import { info, step } from "../shared/log"
import { MedusaConfigRef } from "../shared/medusa-config-ref"
import { ensureDatabase } from "../db/database"
import { withShopDatabase } from "../db/shop-database"
import { migrateIfNeeded } from "../start/migrate"
import { buildPlugin, buildPlugins } from "./build-plugins"
import { installPackage, linkWorkspacePlugin } from "./install-plugin"
import { parseOptions } from "./parse-options"
import { readPluginPackage, type PluginPackage } from "./plugin-package"
import { applyRegistrations, planRegistrations, type RegistrationPlan } from "./plan-registrations"

export interface AddPluginOptions {
  option?: string[]
  /** false with --no-migrate. */
  migrate?: boolean
}

/**
 * `tienda plugin add <path-or-package>`: install (workspace link or npm), build, register in medusa-config.ts,
 * migrate. Everything that can refuse — not a plugin, a config tienda cannot edit safely — refuses before
 * anything changes; a migration that fails puts medusa-config.ts back, so the shop keeps working.
 */
export async function addPlugin(target: string, options: AddPluginOptions): Promise<number> {
  const root = findProjectRoot()
  loadProjectEnv(root)
  const paths = projectPaths(root)
  fs.mkdirSync(paths.state, { recursive: true })
  const configFile = path.join(root, "medusa-config.ts")
  const original = fs.readFileSync(configFile, "utf8")
  const pairs = options.option ?? []
  parseOptions(pairs) // reject malformed pairs before doing anything

  const local = localPluginFolder(target, root)
  let pkg = local ? readPluginPackage(local, target) : undefined
  if (pkg?.kind) {
    applyRegistrations(original, planRegistrations(pkg, parseOptions(pairs, pkg.defaultOptions), root))
  } else {
    MedusaConfigRef.parse(original)
  }

  const env: NodeJS.ProcessEnv = { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true" }
  const workspace = pkg !== undefined && path.dirname(pkg.dir) === path.join(root, "plugins")
  if (pkg && workspace) {
    await linkWorkspacePlugin(paths, pkg.name, pkg.dir)
    await buildPlugin(paths, { name: path.basename(pkg.dir), dir: pkg.dir }, env)
  } else {
    const installed = await installPackage(paths, local ? path.relative(root, local) || "." : target)
    pkg = readPluginPackage(installed, target)
  }

  const plan = planRegistrations(pkg, parseOptions(pairs, pkg.defaultOptions), root)
  const text = applyRegistrations(original, plan)
  if (text === original) {
    info(`${pkg.name} is already registered in medusa-config.ts`)
  } else {
    fs.writeFileSync(configFile, text)
    info(`Registered ${pkg.name} in medusa-config.ts:`)
    describePlan(plan)
  }
  if (options.migrate !== false) {
    // Migrating loads every registered plugin: the other workspace plugins must be built too.
    await buildPlugins(paths, env)
    await migrateOrRestore(paths, env, { configFile, original, changed: text !== original, pkg })
  }
  info(
    `${pkg.name} is ready: \`npm start\` runs the shop with it; \`npx tienda plugin remove ${pkg.name}\` takes it out.`
  )
  return 0
}

/** The folder a target names, when it names one: a path, or the name of a folder under plugins/. */
function localPluginFolder(target: string, root: string): string | undefined {
  const looksLikePath =
    target.startsWith(".") || path.isAbsolute(target) || (target.includes("/") && !target.startsWith("@"))
  if (looksLikePath) {
    const dir = path.resolve(target)
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
      throw new UsageError(`There is no folder at ${target}`)
    }
    return dir
  }
  const workspaceDir = path.join(root, "plugins", target)
  return fs.existsSync(path.join(workspaceDir, "package.json")) ? workspaceDir : undefined
}

function describePlan(plan: RegistrationPlan): void {
  for (const provider of plan.providers) {
    info(`  ${provider.module.name} provider  ${provider.entry.resolve} (id "${provider.entry.id}")`)
  }
  if (plan.plugin) {
    info(`  plugin            ${plan.plugin.resolve}`)
  }
}

async function migrateOrRestore(
  paths: ProjectPaths,
  env: NodeJS.ProcessEnv,
  edit: { configFile: string; original: string; changed: boolean; pkg: PluginPackage }
): Promise<void> {
  try {
    await withShopDatabase(paths, async (databaseUrl) => {
      env.DATABASE_URL = databaseUrl
      await ensureDatabase(databaseUrl)
      const done = step("Running migrations")
      done((await migrateIfNeeded(paths, env)) ? "migrated" : "up to date")
    })
  } catch (error) {
    if (edit.changed) {
      fs.writeFileSync(edit.configFile, edit.original)
      throw new Error(
        `${(error as Error).message}\nmedusa-config.ts was put back as it was: the shop runs without ${edit.pkg.name} ` +
          `until the migration succeeds`
      )
    }
    throw error
  }
}
