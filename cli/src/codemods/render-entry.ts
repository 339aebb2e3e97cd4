import { ts } from "ts-morph"
import type { OptionValue, OwningModule, ProviderEntry } from "../shared/plugin-kinds"
import { ConfigEditRefused } from "../shared/config-edit-refused"
import { ENV_NAME } from "../plugins/parse-options"

/**
 * Source text of the entries tienda writes into medusa-config.ts. Multi-line text has its first line unindented
 * and the others indented relative to it (the array insertion adds the surrounding indentation).
 *
 * Option values are built as syntax nodes — string, number and boolean literals, lists of them, and
 * `process.env.NAME` for an `env:NAME` whose NAME is a variable name — and printed by TypeScript's printer, so no
 * value can ever be written as code of its own.
 */
const factory = ts.factory
// neverAsciiEscape: "Café" stays readable instead of "Caf\u00E9".
const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed, neverAsciiEscape: true } as ts.PrinterOptions)
const scratch = ts.createSourceFile("option.ts", "", ts.ScriptTarget.Latest, false, ts.ScriptKind.TS)

function valueNode(value: OptionValue): ts.Expression {
  if (Array.isArray(value)) {
    return factory.createArrayLiteralExpression(
      value.map((item) => valueNode(item)),
      false
    )
  }
  if (typeof value === "string") {
    if (!value.startsWith("env:")) {
      return factory.createStringLiteral(value)
    }
    const name = value.slice(4)
    if (!ENV_NAME.test(name)) {
      throw new ConfigEditRefused(`an option value "env:${name.slice(0, 60)}" does not name an environment variable`)
    }
    const processEnv = factory.createPropertyAccessExpression(factory.createIdentifier("process"), "env")
    return factory.createPropertyAccessExpression(processEnv, name)
  }
  if (typeof value === "boolean") {
    return value ? factory.createTrue() : factory.createFalse()
  }
  if (typeof value === "number" && Number.isFinite(value)) {
    const literal = factory.createNumericLiteral(Math.abs(value))
    return value < 0 ? factory.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, literal) : literal
  }
  throw new ConfigEditRefused(`an option value must be a string, number, boolean or list (got ${typeof value})`)
}

function optionsNode(options: Record<string, OptionValue>): ts.ObjectLiteralExpression {
  const properties = Object.entries(options).map(([key, value]) => {
    const name = /^[A-Za-z_$][\w$]*$/.test(key) ? factory.createIdentifier(key) : factory.createStringLiteral(key)
    return factory.createPropertyAssignment(name, valueNode(value))
  })
  return factory.createObjectLiteralExpression(properties, false)
}

const print = (node: ts.Expression) => printer.printNode(ts.EmitHint.Expression, node, scratch)

export function renderValue(value: OptionValue): string {
  return print(valueNode(value))
}

export function renderOptions(options: Record<string, OptionValue>): string {
  return print(optionsNode(options))
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
