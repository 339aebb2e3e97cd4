import fs from "node:fs"
import path from "node:path"
import { findProjectRoot, projectPaths } from "../shared/project"
import { info } from "../shared/log"
import { MedusaConfigRef, type Registration } from "../shared/medusa-config-ref"
import { pluginBuildIsCurrent, workspacePlugins } from "./build-plugins"

export interface PluginRow {
  name: string
  version: string
  kind: string
  /** Where medusa-config.ts registers it ("plugins", "payment providers", …); empty when it does not. */
  registered: string[]
  /** "yes", "stale" (sources changed since the build), "no", or "package" (installed from npm, ships built). */
  built: "yes" | "stale" | "no" | "package"
  source: "workspace" | "npm"
}

/** `tienda plugin list [--json]`: workspace plugins and every package medusa-config.ts registers. */
export async function listPlugins(options: { json?: boolean }): Promise<number> {
  const rows = pluginRows(findProjectRoot())
  if (options.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`)
    return 0
  }
  if (rows.length === 0) {
    info("No plugins yet: `npx tienda plugin new <name> --type payment` creates one.")
    return 0
  }
  const table = [
    ["NAME", "VERSION", "KIND", "REGISTERED", "BUILT"],
    ...rows.map((row) => [row.name, row.version, row.kind, row.registered.join(", ") || "no", row.built]),
  ]
  const widths = table[0].map((_, column) => Math.max(...table.map((line) => line[column].length)))
  for (const line of table) {
    info(
      line
        .map((cell, column) => cell.padEnd(widths[column]))
        .join("  ")
        .trimEnd()
    )
  }
  return 0
}

export function pluginRows(root: string): PluginRow[] {
  const paths = projectPaths(root)
  const config = MedusaConfigRef.read(path.join(root, "medusa-config.ts"))
  const registrations = config.registrations()
  const rows: PluginRow[] = []
  for (const plugin of workspacePlugins(paths)) {
    const manifest = JSON.parse(fs.readFileSync(path.join(plugin.dir, "package.json"), "utf8"))
    const built = fs.existsSync(path.join(plugin.dir, ".medusa", "server"))
      ? pluginBuildIsCurrent(plugin)
        ? "yes"
        : "stale"
      : "no"
    const own = registrationsOf(registrations, manifest.name)
    rows.push({
      name: manifest.name,
      version: manifest.version ?? "",
      kind: manifest.tienda?.kind ?? kindFrom(own, plugin.dir),
      // Registered in code tienda does not edit (e.g. a provider list built from the environment).
      registered: own.length === 0 && config.mentions(manifest.name) ? ["in code"] : where(own),
      built,
      source: "workspace",
    })
  }
  const others = new Set(
    registrations.map((entry) => packageOf(entry.resolve)).filter((name) => !name.startsWith("@medusajs/"))
  )
  for (const name of others) {
    if (rows.some((row) => row.name === name)) {
      continue
    }
    const manifestFile = path.join(root, "node_modules", ...name.split("/"), "package.json")
    const manifest = fs.existsSync(manifestFile) ? JSON.parse(fs.readFileSync(manifestFile, "utf8")) : {}
    const own = registrationsOf(registrations, name)
    rows.push({
      name,
      version: manifest.version ?? "(not installed)",
      kind: manifest.tienda?.kind ?? kindFrom(own),
      registered: where(own),
      built: "package",
      source: "npm",
    })
  }
  return rows.sort((a, b) => a.name.localeCompare(b.name))
}

/** `@scope/name/providers/x` → `@scope/name`; `name/providers/x` → `name`. */
function packageOf(resolve: string): string {
  const parts = resolve.split("/")
  return resolve.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]
}

function registrationsOf(registrations: Registration[], name: string): Registration[] {
  return registrations.filter((entry) => packageOf(entry.resolve) === name)
}

function where(registrations: Registration[]): string[] {
  return registrations.map((entry) =>
    entry.kind === "plugin" ? "plugins" : `${entry.module!.split("/").pop()} providers`
  )
}

function kindFrom(registrations: Registration[], dir?: string): string {
  const provider = registrations.find((entry) => entry.kind === "provider")
  if (provider) {
    return provider.module!.split("/").pop()!
  }
  if (dir && fs.existsSync(path.join(dir, "src", "providers"))) {
    return "provider"
  }
  return registrations.length || dir ? "plugin" : "unknown"
}
