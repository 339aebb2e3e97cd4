import type { OptionValue, OwningModule, ProviderEntry } from "../shared/plugin-kinds"

/**
 * Source text of the entries tienda writes into medusa-config.ts. Multi-line text has its first line unindented
 * and the others indented relative to it (the array insertion adds the surrounding indentation).
 */
export function renderValue(value: OptionValue): string {
  if (Array.isArray(value)) {
    return `[${value.map((item) => renderValue(item)).join(", ")}]`
  }
  if (typeof value === "string" && value.startsWith("env:")) {
    return `process.env.${value.slice(4)}`
  }
  return JSON.stringify(value)
}

function renderKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)
}

export function renderOptions(options: Record<string, OptionValue>): string {
  const entries = Object.entries(options).map(([key, value]) => `${renderKey(key)}: ${renderValue(value)}`)
  return entries.length ? `{ ${entries.join(", ")} }` : "{}"
}

/** `{ resolve: "…", id: "…", options: {…} }` on one line. */
export function renderProvider(entry: ProviderEntry): string {
  const options = entry.options && Object.keys(entry.options).length ? `, options: ${renderOptions(entry.options)}` : ""
  return `{ resolve: ${JSON.stringify(entry.resolve)}, id: ${JSON.stringify(entry.id)}${options} }`
}

/** A plugin entry: `{ resolve: "…", options: {…} }`. */
export function renderPlugin(resolve: string, options: Record<string, OptionValue>): string {
  return `{ resolve: ${JSON.stringify(resolve)}, options: ${renderOptions(options)} }`
}

/** A new entry of `modules` for the owning module: its default providers, then the new one. */
export function renderModuleEntry(module: OwningModule, provider: ProviderEntry): string {
  const providers = [...module.defaults, provider].map((entry) => `      ${renderProvider(entry)},`)
  return [
    "{",
    `  resolve: ${JSON.stringify(module.resolve)},`,
    "  options: {",
    "    providers: [",
    ...providers,
    "    ],",
    "  },",
    "}",
  ].join("\n")
}
