/**
 * What `tienda plugin` knows about kinds of plugins: which Medusa module owns a provider, and what that module
 * is configured with by default. Medusa replaces a module's default configuration by the entry in `modules`
 * (the last entry wins), so an entry tienda creates must list the default providers again, or adding a
 * fulfillment provider would silently drop the manual one the shop's shipping options use.
 */
export const PLUGIN_KINDS = ["payment", "fulfillment", "search", "notification", "module"] as const
export type PluginKind = (typeof PLUGIN_KINDS)[number]

/** A provider entry as written in a module's `options.providers`. */
export interface ProviderEntry {
  resolve: string
  id: string
  /** Literal option values; a string "env:NAME" is written as `process.env.NAME`. */
  options?: Record<string, OptionValue>
}

export type OptionValue = string | number | boolean | string[]

export interface OwningModule {
  /** Medusa's module name, as `ModuleProvider(Modules.X, …)` records it. */
  name: string
  /** The `resolve` tienda writes for a new module entry. */
  resolve: string
  /** Every `resolve` that names this module. */
  resolves: string[]
  /** Medusa's default providers of the module (define-config), repeated in an entry tienda creates. */
  defaults: ProviderEntry[]
}

function owning(name: string, defaults: ProviderEntry[]): OwningModule {
  return {
    name,
    resolve: `@medusajs/medusa/${name}`,
    resolves: [`@medusajs/medusa/${name}`, `@medusajs/${name}`],
    defaults,
  }
}

export const OWNING_MODULES: Record<string, OwningModule> = {
  payment: owning("payment", []),
  fulfillment: owning("fulfillment", [{ resolve: "@medusajs/medusa/fulfillment-manual", id: "manual" }]),
  notification: owning("notification", [
    {
      resolve: "@medusajs/medusa/notification-local",
      id: "local",
      options: { name: "Local Notification Provider", channels: ["feed"] },
    },
  ]),
  search: owning("search", [
    { resolve: "@medusajs/medusa/search-postgres", id: "postgres", options: { engine: "native" } },
  ]),
  file: owning("file", [{ resolve: "@medusajs/medusa/file-local", id: "local" }]),
}

/** The owning module of a provider for `moduleName`; a clear refusal for modules tienda does not configure. */
export function owningModule(moduleName: string): OwningModule {
  const found = OWNING_MODULES[moduleName]
  if (!found) {
    throw new Error(
      `tienda registers providers of the ${Object.keys(OWNING_MODULES).join(", ")} modules; a ${moduleName} ` +
        `provider must be added to medusa-config.ts by hand`
    )
  }
  return found
}
