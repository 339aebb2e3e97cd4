import fs from "node:fs"
import path from "node:path"
import { findProjectRoot, projectPaths, UsageError, type ProjectPaths } from "../shared/project"
import { loadProjectEnv } from "../shared/env"
import { info, step } from "../shared/log"
import { runLogged } from "../shared/run"
import { withShopDatabase } from "../db/shop-database"
import { unregisterPackage } from "../codemods/unregister-plugin"
import { MedusaConfigRef } from "../shared/medusa-config-ref"
import { PLUGIN_SCOPE } from "../shared/plugin-names"

export interface RemovePluginOptions {
  purge?: boolean
}

/**
 * `tienda plugin remove <name>`: takes every registration of the package out of medusa-config.ts (the exact
 * inverse of `plugin add`, so add then remove gives the file back byte for byte). Its files and its data stay;
 * `--purge` first reverts its modules' migrations (`medusa db:rollback`), which drops their tables.
 */
export async function removePlugin(name: string, options: RemovePluginOptions): Promise<number> {
  const root = findProjectRoot()
  loadProjectEnv(root)
  const paths = projectPaths(root)
  const configFile = path.join(root, "medusa-config.ts")
  const original = fs.readFileSync(configFile, "utf8")
  const packageName = resolvePackageName(name, root, original)
  const result = unregisterPackage(original, packageName)
  if (!result.changed) {
    info(`${packageName} is not registered in medusa-config.ts; nothing changed`)
    return 0
  }
  if (options.purge) {
    await purgeData(paths, packageName)
  }
  fs.writeFileSync(configFile, result.text)
  info(`Removed ${packageName} from medusa-config.ts.`)
  if (!options.purge) {
    info("Its data stays in the database (`--purge` drops it); its files stay where they are.")
  }
  return 0
}

/** A folder name under plugins/, a package name, or the short name of a @tienda package. */
function resolvePackageName(name: string, root: string, configText: string): string {
  const workspaceManifest = path.join(root, "plugins", name, "package.json")
  if (fs.existsSync(workspaceManifest)) {
    return JSON.parse(fs.readFileSync(workspaceManifest, "utf8")).name
  }
  const registered = MedusaConfigRef.parse(configText)
    .registrations()
    .map((entry) => entry.resolve)
  for (const candidate of [name, `${PLUGIN_SCOPE}/${name}`]) {
    const known =
      registered.some((resolve) => resolve === candidate || resolve.startsWith(`${candidate}/`)) ||
      fs.existsSync(path.join(root, "node_modules", ...candidate.split("/"), "package.json"))
    if (known) {
      return candidate
    }
  }
  throw new UsageError(`No plugin named "${name}": not in plugins/, not installed, not in medusa-config.ts`)
}

/** Reverts the migrations of the modules the package declares (`tienda.modules`, written by `plugin new`). */
async function purgeData(paths: ProjectPaths, packageName: string): Promise<void> {
  const manifest = JSON.parse(
    fs.readFileSync(require.resolve(`${packageName}/package.json`, { paths: [paths.root] }), "utf8")
  )
  const modules: string[] = manifest.tienda?.modules ?? []
  if (modules.length === 0) {
    const ownModules = fs.existsSync(
      path.join(paths.root, "node_modules", ...packageName.split("/"), ".medusa/server/src/modules")
    )
    if (ownModules) {
      throw new UsageError(
        `${packageName} does not list its module names (package.json "tienda.modules"); revert its data with ` +
          `\`npx medusa db:rollback <module>\`, then remove it without --purge`
      )
    }
    info(`${packageName} keeps no data of its own: nothing to purge`)
    return
  }
  fs.mkdirSync(paths.state, { recursive: true })
  await withShopDatabase(paths, async (databaseUrl) => {
    const done = step(`Reverting the migrations of ${modules.join(", ")}`)
    await runLogged(paths.medusaBin, ["db:rollback", ...modules], {
      cwd: paths.root,
      env: { ...process.env, DATABASE_URL: databaseUrl, MEDUSA_DISABLE_TELEMETRY: "true" },
      logFile: path.join(paths.state, "rollback.log"),
    })
    done("reverted")
  })
}
