import fs from "node:fs"
import path from "node:path"
import { findProjectRoot, UsageError } from "../shared/project"
import { PLUGIN_KINDS, type PluginKind } from "../shared/plugin-kinds"
import { assertPluginName, nameForms, renameInPath, renameInSource, PLUGIN_SCOPE } from "../shared/plugin-names"
import { info } from "../shared/log"
import { PLUGIN_JEST_CONFIG, pluginPackageJson, pluginTsconfig } from "./plugin-package-json"
import { pluginReadme } from "./plugin-readme"

const TEMPLATES = path.join(__dirname, "templates")

export interface NewPluginOptions {
  type?: string
}

/**
 * `tienda plugin new <name> --type <kind>`: writes plugins/<name> from the kind's template — real, compiling
 * TypeScript whose placeholder `acme` is renamed — plus the package files. Nothing is built or registered:
 * `tienda plugin add ./plugins/<name>` does that.
 */
export async function newPlugin(name: string, options: NewPluginOptions): Promise<number> {
  assertPluginName(name)
  const kind = options.type as PluginKind
  if (!PLUGIN_KINDS.includes(kind)) {
    throw new UsageError(`--type must be one of ${PLUGIN_KINDS.join(", ")} (got "${options.type ?? ""}")`)
  }
  const root = findProjectRoot()
  const target = path.join(root, "plugins", name)
  if (fs.existsSync(target)) {
    throw new UsageError(`plugins/${name} already exists; choose another name or remove that folder first`)
  }
  const packageName = `${PLUGIN_SCOPE}/${name}`
  if (fs.existsSync(path.join(root, "node_modules", packageName))) {
    throw new UsageError(`the package ${packageName} is already installed; choose another name`)
  }
  writePlugin(target, name, kind)
  info(`Created plugins/${name} (${packageName}, ${kind}).`)
  info("Next:")
  info(`  npx tienda plugin add ./plugins/${name}   build it, register it in medusa-config.ts, migrate`)
  info(`  npm test -- plugins/${name}                run its tests`)
  return 0
}

/** Writes the plugin folder; exported for tests that need a plugin without a project around it. */
export function writePlugin(target: string, name: string, kind: PluginKind): void {
  const forms = nameForms(name)
  const files = new Map<string, string>()
  for (const relative of listFiles(path.join(TEMPLATES, kind))) {
    const source = fs.readFileSync(path.join(TEMPLATES, kind, relative), "utf8")
    const renamed = renameInPath(relative, forms).replace(/\.spec\.template\.ts$/, ".spec.ts")
    files.set(renamed, renameInSource(source, forms))
  }
  files.set("package.json", `${JSON.stringify(pluginPackageJson(name, kind), null, 2)}\n`)
  files.set("tsconfig.json", `${JSON.stringify(pluginTsconfig(), null, 2)}\n`)
  files.set("jest.config.js", PLUGIN_JEST_CONFIG)
  files.set("README.md", pluginReadme(name, kind))
  // plugin:build bundles src/admin and fails without it; an empty extension list is a valid bundle.
  files.set("src/admin/index.ts", ADMIN_PLACEHOLDER)
  for (const [relative, content] of files) {
    fs.mkdirSync(path.dirname(path.join(target, relative)), { recursive: true })
    fs.writeFileSync(path.join(target, relative), content)
  }
}

const ADMIN_PLACEHOLDER = `// Admin dashboard extensions (widgets in src/admin/widgets, pages in src/admin/routes) go in this folder.
// \`medusa plugin:build\` bundles it even when it holds none.
export {}
`

function listFiles(dir: string, prefix = ""): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), relative) : [relative]
  })
}
