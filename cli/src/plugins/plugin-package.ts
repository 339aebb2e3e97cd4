import fs from "node:fs"
import path from "node:path"
import { UsageError } from "../shared/project"
import type { OptionValue } from "../shared/plugin-kinds"

/** What tienda reads from a plugin package: its manifest and the features its sources or build hold. */
export interface PluginPackage {
  name: string
  version: string
  dir: string
  /** `tienda.kind` written by `tienda plugin new`, when present. */
  kind?: string
  /** Registration options `tienda plugin add` writes unless given others. */
  defaultOptions: Record<string, OptionValue>
  /** Provider folders (src/providers/* or their build). */
  providers: string[]
  /** Module folders (src/modules/* or their build). */
  modules: string[]
  /** Whether it has anything loaded through `plugins` (modules, routes, subscribers, workflows, jobs, links). */
  hasPluginFeatures: boolean
}

const PLUGIN_FEATURES = ["modules", "api", "subscribers", "workflows", "jobs", "links"]

/** Reads a plugin folder; a folder that is not a Medusa plugin is a usage error that says why. */
export function readPluginPackage(dir: string, shown = dir): PluginPackage {
  const manifestFile = path.join(dir, "package.json")
  if (!fs.existsSync(manifestFile)) {
    throw new UsageError(`${shown} is not a plugin: it has no package.json`)
  }
  let manifest: Record<string, any>
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"))
  } catch (error) {
    throw new UsageError(`${shown}/package.json is not valid JSON: ${(error as Error).message}`)
  }
  if (typeof manifest.name !== "string" || !manifest.name) {
    throw new UsageError(`${shown} is not a plugin: its package.json has no "name"`)
  }
  const medusaDependency = ["dependencies", "devDependencies", "peerDependencies"].some((field) =>
    Object.keys(manifest[field] ?? {}).some((name) => name === "@medusajs/framework" || name === "@medusajs/medusa")
  )
  const source = firstExisting([path.join(dir, "src"), path.join(dir, ".medusa", "server", "src")])
  const folders = (sub: string) => (source ? subfolders(path.join(source, sub)) : [])
  const providers = folders("providers")
  const modules = folders("modules")
  const hasPluginFeatures = PLUGIN_FEATURES.some((feature) => source && fs.existsSync(path.join(source, feature)))
  if (!medusaDependency || (providers.length === 0 && !hasPluginFeatures)) {
    throw new UsageError(
      `${shown} (${manifest.name}) is not a Medusa plugin: a plugin depends on @medusajs/framework and has ` +
        `providers, modules, API routes, subscribers, workflows, jobs or links under src/`
    )
  }
  return {
    name: manifest.name,
    version: String(manifest.version ?? "0.0.0"),
    dir,
    kind: typeof manifest.tienda?.kind === "string" ? manifest.tienda.kind : undefined,
    defaultOptions: manifest.tienda?.options ?? {},
    providers,
    modules,
    hasPluginFeatures,
  }
}

function firstExisting(candidates: string[]): string | undefined {
  return candidates.find((candidate) => fs.existsSync(candidate))
}

function subfolders(dir: string): string[] {
  if (!fs.existsSync(dir)) {
    return []
  }
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== "__tests__")
    .map((entry) => entry.name)
    .sort()
}
