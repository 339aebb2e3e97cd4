import path from "node:path"
import { registerPlugin, registerProvider } from "../codemods/register-plugin"
import {
  owningModule,
  PLUGIN_KINDS,
  type OptionValue,
  type OwningModule,
  type ProviderEntry,
} from "../shared/plugin-kinds"
import type { PluginPackage } from "./plugin-package"

export interface RegistrationPlan {
  plugin?: { resolve: string; options: Record<string, OptionValue> }
  providers: { module: OwningModule; entry: ProviderEntry }[]
}

/**
 * What `plugin add` writes for a package: each provider into its owning module's `providers` (id = its folder),
 * and a `plugins` entry when the package has anything Medusa loads through `plugins` (modules, routes, …).
 * The owning module comes from `tienda.kind`, or else from the built provider itself (`ModuleProvider(…).module`).
 * Options go to the providers when there are any, else to the plugin entry.
 */
export function planRegistrations(
  pkg: PluginPackage,
  options: Record<string, OptionValue>,
  root: string
): RegistrationPlan {
  const providerKind =
    pkg.kind && pkg.kind !== "module" && (PLUGIN_KINDS as readonly string[]).includes(pkg.kind) ? pkg.kind : undefined
  const providers = pkg.providers.map((folder) => ({
    module: owningModule(providerKind ?? builtProviderModule(pkg, folder, root)),
    entry: { resolve: `${pkg.name}/providers/${folder}`, id: folder, options },
  }))
  const plugin = pkg.hasPluginFeatures ? { resolve: pkg.name, options: providers.length ? {} : options } : undefined
  return { plugin, providers }
}

/** Applies the plan to the text of medusa-config.ts; unchanged text means everything was already registered. */
export function applyRegistrations(text: string, plan: RegistrationPlan): string {
  let current = text
  for (const provider of plan.providers) {
    current = registerProvider(current, provider.module, provider.entry).text
  }
  if (plan.plugin) {
    current = registerPlugin(current, plan.plugin.resolve, plan.plugin.options).text
  }
  return current
}

function builtProviderModule(pkg: PluginPackage, folder: string, root: string): string {
  const file = require.resolve(`${pkg.name}/providers/${folder}`, { paths: [root] })
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(file)
  const module = (loaded.default ?? loaded)?.module
  if (typeof module !== "string") {
    throw new Error(`${path.relative(root, file)} does not export ModuleProvider(…); tienda cannot tell its module`)
  }
  return module
}
