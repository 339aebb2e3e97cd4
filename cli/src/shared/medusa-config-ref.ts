import fs from "node:fs"
import { ConfigEditRefused } from "./config-edit-refused"
import {
  Node,
  Project,
  SyntaxKind,
  type ArrayLiteralExpression,
  type Expression,
  type ObjectLiteralExpression,
  type SourceFile,
} from "ts-morph"

/**
 * The one place that reads and edits `medusa-config.ts`. It finds the `defineConfig({...})` object through the
 * syntax tree (ts-morph) and edits the file by splicing text at the positions of the nodes it found, never by
 * printing the tree again: the rest of the file — formatting, comments, blank lines — stays byte for byte, and an
 * insertion followed by the matching removal gives the original file back.
 *
 * It edits only what it can see: literal arrays of literal entries. Anything else (a list built in a variable,
 * a spread that may hold the same module, `resolve` set from a variable, two entries for one module) makes it
 * refuse with a `ConfigEditRefused` that says what to change by hand, before anything is written.
 */
export { ConfigEditRefused }

export interface Edit {
  start: number
  end: number
  text: string
}

/** An entry the config registers: a plugin in `plugins`, or a provider in a module's `providers`. */
export interface Registration {
  kind: "plugin" | "provider"
  resolve: string
  /** The owning module's `resolve`, for providers. */
  module?: string
  id?: string
}

const INDENT_UNIT = "  "

export class MedusaConfigRef {
  private constructor(
    readonly text: string,
    private readonly source: SourceFile,
    private readonly config: ObjectLiteralExpression
  ) {}

  static read(file: string): MedusaConfigRef {
    return MedusaConfigRef.parse(fs.readFileSync(file, "utf8"))
  }

  /** Parses the text; refuses a file with syntax errors or without exactly one `defineConfig({...})`. */
  static parse(text: string): MedusaConfigRef {
    const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true } })
    const source = project.createSourceFile("medusa-config.ts", text)
    // The parser's own diagnostics: building a whole program (type checking) would cost seconds.
    const syntaxErrors = (source.compilerNode as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics ?? []
    if (syntaxErrors.length > 0) {
      throw new ConfigEditRefused("medusa-config.ts has syntax errors; fix them before tienda edits it")
    }
    const calls = source
      .getDescendantsOfKind(SyntaxKind.CallExpression)
      .filter((call) => call.getExpression().getText() === "defineConfig")
    if (calls.length !== 1) {
      throw new ConfigEditRefused(
        `medusa-config.ts must call defineConfig({...}) exactly once for tienda to edit it (found ${calls.length})`
      )
    }
    const argument = calls[0].getArguments()[0]
    if (!argument || !Node.isObjectLiteralExpression(argument)) {
      throw new ConfigEditRefused("defineConfig(...) in medusa-config.ts is not given an object literal")
    }
    return new MedusaConfigRef(text, source, argument)
  }

  /** Every literal registration: plugins, and the providers of every module entry written in the file. */
  registrations(): Registration[] {
    const found: Registration[] = []
    const plugins = this.optionalArray("plugins")
    for (const element of plugins?.getElements() ?? []) {
      const resolve = entryResolve(element)
      if (typeof resolve === "string") {
        found.push({ kind: "plugin", resolve })
      }
    }
    for (const element of this.optionalArray("modules")?.getElements() ?? []) {
      const module = entryResolve(element)
      const providers = Node.isObjectLiteralExpression(element) ? providersArrayOf(element) : undefined
      if (typeof module !== "string" || !providers) {
        continue
      }
      for (const provider of providers.getElements()) {
        const resolve = entryResolve(provider)
        if (typeof resolve === "string" && Node.isObjectLiteralExpression(provider)) {
          found.push({ kind: "provider", resolve, module, id: literalProperty(provider, "id") })
        }
      }
    }
    return found
  }

  /** True when any string literal of the file names the package or one of its subpaths (e.g. built in a variable). */
  mentions(packageName: string): boolean {
    return this.source
      .getDescendantsOfKind(SyntaxKind.StringLiteral)
      .some((node) => node.getLiteralValue() === packageName || node.getLiteralValue().startsWith(`${packageName}/`))
  }

  /** The `plugins` array (undefined when the property is absent); refuses anything that is not a literal array. */
  pluginsArray(): ArrayLiteralExpression | undefined {
    return this.optionalArray("plugins")
  }

  modulesArray(): ArrayLiteralExpression | undefined {
    return this.optionalArray("modules")
  }

  /**
   * The literal entry of `modules` whose `resolve` is one of `resolves`; undefined when there is none. Refuses
   * when it cannot be sure: two entries, an entry with a computed `resolve`, or a spread whose source (a variable
   * of this file, or anything else) may configure the same module.
   */
  moduleEntry(resolves: string[], label: string): ObjectLiteralExpression | undefined {
    const modules = this.modulesArray()
    if (!modules) {
      return undefined
    }
    const matches: ObjectLiteralExpression[] = []
    for (const element of modules.getElements()) {
      if (Node.isSpreadElement(element)) {
        this.assertSpreadLacks(element.getExpression(), resolves, label)
        continue
      }
      const resolve = entryResolve(element)
      if (resolve === COMPUTED) {
        throw new ConfigEditRefused(
          `an entry of \`modules\` sets \`resolve\` from an expression (${element.getText().slice(0, 60)}…); ` +
            `tienda cannot tell whether it is the ${label} module. Write its \`resolve\` as a string.`
        )
      }
      if (typeof resolve === "string" && resolves.includes(resolve) && Node.isObjectLiteralExpression(element)) {
        matches.push(element)
      }
    }
    if (matches.length > 1) {
      throw new ConfigEditRefused(`\`modules\` configures the ${label} module twice; keep one entry`)
    }
    return matches[0]
  }

  /** The `options.providers` array of a module entry; refuses when it is not written as literals. */
  providersArray(entry: ObjectLiteralExpression, label: string): ArrayLiteralExpression {
    const providers = providersArrayOf(entry)
    if (!providers) {
      throw new ConfigEditRefused(
        `the ${label} module's entry in \`modules\` has no literal \`options: { providers: [...] }\`; ` +
          `write it that way so tienda can add providers to it`
      )
    }
    return providers
  }

  /** An edit that adds a property (e.g. `plugins: [...]`) as the last property of the config object. */
  addConfigProperty(name: string, valueText: string): Edit {
    const properties = this.config.getProperties()
    const full = this.text
    const outer = lineIndent(full, this.config.getStart())
    if (properties.length === 0) {
      const inner = outer + INDENT_UNIT
      return {
        start: this.config.getStart(),
        end: this.config.getEnd(),
        text: `{\n${inner}${name}: ${indentLines(valueText, inner)},\n${outer}}`,
      }
    }
    const last = properties[properties.length - 1]
    const inner = lineIndent(full, last.getStart())
    return { start: last.getEnd(), end: last.getEnd(), text: `,\n${inner}${name}: ${indentLines(valueText, inner)}` }
  }

  /** Returns the text with the edit applied; the caller re-parses it to check the result. */
  apply(edit: Edit): string {
    return this.text.slice(0, edit.start) + edit.text + this.text.slice(edit.end)
  }

  private optionalArray(name: "plugins" | "modules"): ArrayLiteralExpression | undefined {
    for (const property of this.config.getProperties()) {
      if (Node.isSpreadAssignment(property)) {
        throw new ConfigEditRefused(
          `the object given to defineConfig spreads \`${property.getExpression().getText()}\`, which may set ` +
            `\`${name}\`; list the properties in defineConfig({...}) itself so tienda can edit them`
        )
      }
    }
    const property = this.config.getProperty(name)
    if (!property) {
      return undefined
    }
    const value = Node.isPropertyAssignment(property) ? property.getInitializer() : undefined
    if (!value || !Node.isArrayLiteralExpression(value)) {
      throw new ConfigEditRefused(
        `\`${name}\` in medusa-config.ts is not a literal array (it is \`${property.getText().slice(0, 80)}\`); ` +
          `write it as \`${name}: [...]\` (spreading other lists inside it is fine) so tienda can edit it`
      )
    }
    return value
  }

  private assertSpreadLacks(expression: Expression, resolves: string[], label: string): void {
    const declaration = Node.isIdentifier(expression)
      ? this.source.getVariableDeclaration(expression.getText())
      : undefined
    const initializer = declaration?.getInitializer()
    if (!initializer) {
      throw new ConfigEditRefused(
        `\`modules\` spreads \`${expression.getText()}\`, which tienda cannot see into; ` +
          `make it a variable of medusa-config.ts or list its modules in \`modules\``
      )
    }
    const mentions = initializer
      .getDescendants()
      .some((node) => Node.isStringLiteral(node) && resolves.includes(node.getLiteralValue()))
    if (mentions) {
      throw new ConfigEditRefused(
        `the ${label} module is configured inside \`${expression.getText()}\`; tienda will not guess which ` +
          `branch to edit. Add the provider to that entry's \`providers\` by hand`
      )
    }
  }
}

/** Marks a `resolve` that is not a literal (a variable, a call): the entry cannot be identified. */
export const COMPUTED = Symbol("computed resolve")

/** The `resolve` of an array entry: a string entry, an object's literal `resolve`, COMPUTED, or undefined. */
export function entryResolve(node: Node): string | typeof COMPUTED | undefined {
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) {
    return node.getLiteralValue()
  }
  if (!Node.isObjectLiteralExpression(node)) {
    return Node.isSpreadElement(node) ? undefined : COMPUTED
  }
  const property = node.getProperty("resolve")
  if (!property) {
    return undefined
  }
  const value = Node.isPropertyAssignment(property) ? property.getInitializer() : undefined
  if (value && (Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value))) {
    return value.getLiteralValue()
  }
  return COMPUTED
}

function literalProperty(node: ObjectLiteralExpression, name: string): string | undefined {
  const property = node.getProperty(name)
  const value = property && Node.isPropertyAssignment(property) ? property.getInitializer() : undefined
  return value && Node.isStringLiteral(value) ? value.getLiteralValue() : undefined
}

function providersArrayOf(entry: ObjectLiteralExpression): ArrayLiteralExpression | undefined {
  const options = entry.getProperty("options")
  const optionsValue = options && Node.isPropertyAssignment(options) ? options.getInitializer() : undefined
  if (!optionsValue || !Node.isObjectLiteralExpression(optionsValue)) {
    return undefined
  }
  const providers = optionsValue.getProperty("providers")
  const value = providers && Node.isPropertyAssignment(providers) ? providers.getInitializer() : undefined
  return value && Node.isArrayLiteralExpression(value) ? value : undefined
}

/** Property names of an object literal, in order (for "is this entry exactly what tienda writes?"). */
export function propertyNames(node: ObjectLiteralExpression): string[] {
  return node
    .getProperties()
    .map((property) =>
      Node.isPropertyAssignment(property) || Node.isShorthandPropertyAssignment(property) ? property.getName() : "…"
    )
}

/** The options object of a module entry, when it is a literal. */
export function optionsObject(entry: ObjectLiteralExpression): ObjectLiteralExpression | undefined {
  const options = entry.getProperty("options")
  const value = options && Node.isPropertyAssignment(options) ? options.getInitializer() : undefined
  return value && Node.isObjectLiteralExpression(value) ? value : undefined
}

/**
 * Inserts `elementText` as the last element of `array`, following the array's layout: one element per line when
 * its elements are on their own lines (or it is empty), on the same line otherwise. `elementText` is written with
 * its first line unindented and its other lines indented relative to it.
 */
export function insertElement(text: string, array: ArrayLiteralExpression, elementText: string): Edit {
  const elements = array.getElements()
  if (elements.length === 0) {
    const outer = lineIndent(text, array.getStart())
    const inner = outer + INDENT_UNIT
    const inside = text.slice(array.getStart() + 1, array.getEnd() - 1)
    if (inside.trim() === "") {
      return {
        start: array.getStart(),
        end: array.getEnd(),
        text: `[\n${inner}${indentLines(elementText, inner)},\n${outer}]`,
      }
    }
    // Only comments inside: keep them, add the element after the bracket.
    return {
      start: array.getStart() + 1,
      end: array.getStart() + 1,
      text: `\n${inner}${indentLines(elementText, inner)},`,
    }
  }
  const last = elements[elements.length - 1]
  const multiLine = text.slice(array.getStart(), elements[0].getStart()).includes("\n")
  if (multiLine) {
    const inner = lineIndent(text, elements[0].getStart())
    const lineEnd = wholeLineEnd(text, last)
    if (lineEnd !== undefined) {
      // After the last element's line (its comma and comment stay with it), as a line of its own.
      return { start: lineEnd, end: lineEnd, text: `${inner}${indentLines(elementText, inner)},\n` }
    }
    return { start: last.getEnd(), end: last.getEnd(), text: `,\n${inner}${indentLines(elementText, inner)}` }
  }
  return { start: last.getEnd(), end: last.getEnd(), text: `, ${oneLine(elementText)}` }
}

/**
 * Removes element `index` of `array` — the exact inverse of `insertElement`: the separator before it goes with it
 * (the first element takes the separator after it), and an array left empty becomes `[]`.
 */
export function removeElement(text: string, array: ArrayLiteralExpression, index: number): Edit {
  const elements = array.getElements()
  if (elements.length === 1) {
    return { start: array.getStart(), end: array.getEnd(), text: "[]" }
  }
  const element = elements[index]
  const lineStart = text.lastIndexOf("\n", element.getStart() - 1) + 1
  const lineEnd = wholeLineEnd(text, element)
  if (lineEnd !== undefined && text.slice(lineStart, element.getStart()).trim() === "") {
    // An element on lines of its own (with its comma and comment): remove those lines.
    return { start: lineStart, end: lineEnd, text: "" }
  }
  if (index > 0) {
    return { start: elements[index - 1].getEnd(), end: elements[index].getEnd(), text: "" }
  }
  // The first element: take it, its comma and the whitespace up to what follows (comments of the next stay).
  let end = elements[0].getEnd()
  while (/[ \t]/.test(text[end])) {
    end++
  }
  if (text[end] === ",") {
    end++
  }
  while (end < elements[1].getStart() && /\s/.test(text[end])) {
    end++
  }
  return { start: elements[0].getStart(), end, text: "" }
}

/**
 * When `node` is followed on its line only by a comma (and maybe a `//` comment), the position just after that
 * line's newline; undefined otherwise.
 */
function wholeLineEnd(text: string, node: Node): number | undefined {
  const newline = text.indexOf("\n", node.getEnd())
  if (newline < 0) {
    return undefined
  }
  const rest = text.slice(node.getEnd(), newline)
  return /^\s*,\s*(\/\/.*)?$/.test(rest) ? newline + 1 : undefined
}

/** The whitespace at the start of the line holding `position`. */
export function lineIndent(text: string, position: number): string {
  const lineStart = text.lastIndexOf("\n", position - 1) + 1
  return /^[ \t]*/.exec(text.slice(lineStart))![0]
}

function indentLines(block: string, indent: string): string {
  return block
    .split("\n")
    .map((line, index) => (index === 0 || line === "" ? line : indent + line))
    .join("\n")
}

/** A multi-line element squeezed onto one line (for arrays written on one line). */
function oneLine(block: string): string {
  return block
    .split("\n")
    .map((line) => line.trim())
    .join(" ")
    .replace(/,\s*([}\]])/g, " $1")
    .replace(/([{[])\s+/g, "$1 ")
}
