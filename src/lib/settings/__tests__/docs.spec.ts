import fs from "node:fs"
import path from "node:path"
import { registeredVariableNames } from ".."

/**
 * The docs cannot drift from the registry: every registered variable is described in README.md's Configuration
 * section and in .env.example, and every Tienda-style variable either file mentions is registered.
 */
const root = path.resolve(__dirname, "../../../..")
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8")
const envExample = fs.readFileSync(path.join(root, ".env.example"), "utf8")

function configurationSection(markdown: string): string {
  const start = markdown.indexOf("\n## Configuration\n")
  const end = markdown.indexOf("\n## ", start + 1)
  return markdown.slice(start, end === -1 ? undefined : end)
}

/** Names like TIENDA_X, and those of the prefixes the app reads (a trailing `_` of `TIENDA_RATE_LIMIT_<RULE>` cut). */
function mentionedVariables(text: string): string[] {
  const pattern = /\b(?:TIENDA|MEDUSA|OFFLINE|STRIPE|PAYPAL|ELASTICSEARCH|DATABASE|REDIS)_[A-Z0-9_]*[A-Z0-9]\b/g
  return [...new Set(text.match(pattern) ?? [])]
}

/** Every `NAME=` line of .env.example, commented out or not. */
function assignedVariables(text: string): string[] {
  return [...text.matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1])
}

describe("configuration docs", () => {
  const registered = registeredVariableNames()
  const mentions = (text: string, name: string) => new RegExp(`\\b${name}\\b`).test(text)

  it("README's Configuration section describes every registered variable", () => {
    const section = configurationSection(readme)
    expect(registered.filter((name) => !mentions(section, name))).toEqual([])
  })

  it(".env.example lists every registered variable", () => {
    expect(registered.filter((name) => !mentions(envExample, name))).toEqual([])
  })

  it("every variable README.md or .env.example mentions is registered", () => {
    const known = new Set(registered)
    const mentioned = [
      ...mentionedVariables(readme),
      ...mentionedVariables(envExample),
      ...assignedVariables(envExample),
    ]
    expect([...new Set(mentioned)].filter((name) => !known.has(name))).toEqual([])
  })
})
