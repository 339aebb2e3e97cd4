import { UsageError } from "./project"

/** Package scope of the plugins `tienda plugin new` creates. */
export const PLUGIN_SCOPE = "@tienda"

const NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/

/** A plugin name is lower-case kebab-case (it becomes a folder, a package name and a provider id). */
export function assertPluginName(name: string): void {
  if (!NAME_PATTERN.test(name) || name.length > 40) {
    throw new UsageError(
      `"${name}" is not a valid plugin name: use lower-case letters, digits and single dashes, starting with a ` +
        `letter, at most 40 characters (e.g. "gift-cards")`
    )
  }
}

export interface NameForms {
  kebab: string
  camel: string
  pascal: string
  snake: string
  constant: string
}

export function nameForms(name: string): NameForms {
  const words = name.split("-")
  const pascal = words.map((word) => word[0].toUpperCase() + word.slice(1)).join("")
  return {
    kebab: name,
    camel: pascal[0].toLowerCase() + pascal.slice(1),
    pascal,
    snake: words.join("_"),
    constant: words.join("_").toUpperCase(),
  }
}

/**
 * Renames the templates' placeholder `acme`: in relative import paths like the files (kebab-case), then
 * `Acme` → PascalCase (also inside names: `createAcmeEntries`), `ACME` → CONSTANT_CASE, `acme_` → snake_case
 * (table names), any other `acme` starting a word → camelCase (identifiers, ids).
 */
export function renameInSource(text: string, forms: NameForms): string {
  return text
    .replace(
      /(["'])(\.{1,2}\/[^"'\n]*)\1/g,
      (_, quote: string, specifier: string) => `${quote}${renameInPath(specifier, forms)}${quote}`
    )
    .replace(/Acme/g, forms.pascal)
    .replace(/\bACME/g, forms.constant)
    .replace(/\bacme_/g, `${forms.snake}_`)
    .replace(/\bacme/g, forms.camel)
}

/** Renames a path segment: folders and files named after the placeholder become kebab-case. */
export function renameInPath(relative: string, forms: NameForms): string {
  return relative
    .split("/")
    .map((segment) => segment.replace(/^acme(?=[-.]|$)/, forms.kebab))
    .join("/")
}
