import { Node, type ArrayLiteralExpression } from "ts-morph"
import {
  MedusaConfigRef,
  entryResolve,
  optionsObject,
  propertyNames,
  removeElement,
  type Edit,
} from "../shared/medusa-config-ref"
import { OWNING_MODULES } from "../shared/plugin-kinds"
import { checked, type EditResult } from "./register-plugin"

/** True when `resolve` is the package itself or one of its subpaths (`@tienda/x/providers/y`). */
function belongsTo(resolve: string, packageName: string): boolean {
  return resolve === packageName || resolve.startsWith(`${packageName}/`)
}

/**
 * Removes every registration of `packageName`: its `plugins` entry and its providers. A module entry left with
 * only Medusa's default providers — the shape `registerProvider` creates — is removed whole, so register then
 * unregister gives back the file byte for byte. One element is removed per pass, re-reading the tree each time.
 */
export function unregisterPackage(text: string, packageName: string): EditResult {
  let current = text
  for (;;) {
    const ref = MedusaConfigRef.parse(current)
    const edit = nextRemoval(ref, current, packageName)
    if (!edit) {
      return { text: current, changed: current !== text }
    }
    current = checked(ref, edit, () => true).text
  }
}

function nextRemoval(ref: MedusaConfigRef, text: string, packageName: string): Edit | undefined {
  const plugins = ref.pluginsArray()
  const pluginIndex = indexOf(plugins, (resolve) => belongsTo(resolve, packageName))
  if (plugins && pluginIndex >= 0) {
    return removeElement(text, plugins, pluginIndex)
  }
  const modules = ref.modulesArray()
  for (const [moduleIndex, element] of (modules?.getElements() ?? []).entries()) {
    const moduleResolve = entryResolve(element)
    if (!Node.isObjectLiteralExpression(element) || typeof moduleResolve !== "string") {
      continue
    }
    const options = optionsObject(element)
    const providersProperty = options?.getProperty("providers")
    const providers =
      providersProperty && Node.isPropertyAssignment(providersProperty) ? providersProperty.getInitializer() : undefined
    if (!providers || !Node.isArrayLiteralExpression(providers)) {
      continue
    }
    const index = indexOf(providers, (resolve) => belongsTo(resolve, packageName))
    if (index < 0) {
      continue
    }
    const owning = Object.values(OWNING_MODULES).find((module) => module.resolves.includes(moduleResolve))
    const others = providers
      .getElements()
      .filter((_, i) => i !== index)
      .map((node) => entryResolve(node))
    const onlyDefaults =
      owning !== undefined &&
      others.length === owning.defaults.length &&
      others.every((resolve, i) => resolve === owning.defaults[i].resolve) &&
      propertyNames(element).join() === "resolve,options" &&
      propertyNames(options!).join() === "providers"
    return onlyDefaults ? removeElement(text, modules!, moduleIndex) : removeElement(text, providers, index)
  }
  return undefined
}

function indexOf(array: ArrayLiteralExpression | undefined, matches: (resolve: string) => boolean): number {
  return (array?.getElements() ?? []).findIndex((node) => {
    const resolve = entryResolve(node)
    return typeof resolve === "string" && matches(resolve)
  })
}
