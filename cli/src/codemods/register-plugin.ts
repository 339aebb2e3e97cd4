import { ConfigEditRefused, MedusaConfigRef, insertElement, type Edit } from "../shared/medusa-config-ref"
import type { OptionValue, OwningModule, ProviderEntry } from "../shared/plugin-kinds"
import { renderModuleEntry, renderPlugin, renderProvider } from "./render-entry"

export interface EditResult {
  text: string
  changed: boolean
}

/**
 * Adds `{ resolve, options }` to the config's `plugins` (creating the property when there is none). A plugin that
 * is already listed is left as it is: adding twice changes nothing.
 */
export function registerPlugin(text: string, resolve: string, options: Record<string, OptionValue> = {}): EditResult {
  const ref = MedusaConfigRef.parse(text)
  if (ref.registrations().some((entry) => entry.kind === "plugin" && entry.resolve === resolve)) {
    return { text, changed: false }
  }
  const plugins = ref.pluginsArray()
  const entry = renderPlugin(resolve, options)
  const edit: Edit = plugins
    ? insertElement(text, plugins, entry)
    : ref.addConfigProperty("plugins", `[\n  ${entry},\n]`)
  return checked(ref, edit, (after) => after.registrations().some((r) => r.kind === "plugin" && r.resolve === resolve))
}

/**
 * Adds a provider to its owning module's `options.providers`; when `modules` has no entry for that module, adds
 * one that keeps Medusa's default providers. A provider already listed (same `resolve`) changes nothing.
 */
export function registerProvider(text: string, module: OwningModule, provider: ProviderEntry): EditResult {
  const ref = MedusaConfigRef.parse(text)
  const entry = ref.moduleEntry(module.resolves, module.name)
  let edit: Edit
  if (entry) {
    const providers = ref.providersArray(entry, module.name)
    const registered = ref
      .registrations()
      .some((r) => r.kind === "provider" && r.resolve === provider.resolve && module.resolves.includes(r.module!))
    if (registered) {
      return { text, changed: false }
    }
    edit = insertElement(text, providers, renderProvider(provider))
  } else {
    const modules = ref.modulesArray()
    const moduleText = renderModuleEntry(module, provider)
    edit = modules
      ? insertElement(text, modules, moduleText)
      : ref.addConfigProperty("modules", `[\n  ${moduleText.replace(/\n/g, "\n  ")},\n]`)
  }
  return checked(ref, edit, (after) =>
    after.registrations().some((r) => r.kind === "provider" && r.resolve === provider.resolve)
  )
}

/** Applies the edit, then parses the result again: a file tienda cannot read back as intended is never written. */
export function checked(ref: MedusaConfigRef, edit: Edit, holds: (after: MedusaConfigRef) => boolean): EditResult {
  const text = ref.apply(edit)
  let after: MedusaConfigRef
  try {
    after = MedusaConfigRef.parse(text)
  } catch (error) {
    throw new ConfigEditRefused(
      `editing medusa-config.ts would break it (${(error as Error).message}); nothing was written`
    )
  }
  if (!holds(after)) {
    throw new ConfigEditRefused("tienda could not verify its edit of medusa-config.ts; nothing was written")
  }
  return { text, changed: true }
}
