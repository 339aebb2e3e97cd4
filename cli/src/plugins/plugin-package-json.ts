import type { PluginKind } from "../shared/plugin-kinds"
import { nameForms, PLUGIN_SCOPE } from "../shared/plugin-names"
import { TEMPLATE_KINDS } from "./template-kinds"

const MEDUSA_VERSION = "2.21.2"

/**
 * The package.json of a new plugin (MEDUSA-NOTES "Local workspace plugins"): Medusa resolves a plugin through
 * `./package.json`, providers through `./providers/*`, modules through `./.medusa/server/src/modules/*`; the
 * build output is the only published folder; @medusajs packages are peers pinned to the app's version so npm
 * shares the app's copies. `tienda` records the kind and the options `tienda plugin add` registers by default.
 */
export function pluginPackageJson(name: string, kind: PluginKind): Record<string, unknown> {
  const medusa = (names: string[]) => Object.fromEntries(names.map((pkg) => [`@medusajs/${pkg}`, MEDUSA_VERSION]))
  const registrationOptions = TEMPLATE_KINDS[kind].registrationOptions
  return {
    name: `${PLUGIN_SCOPE}/${name}`,
    version: "0.1.0",
    private: true,
    description: TEMPLATE_KINDS[kind].summary,
    license: "MIT",
    files: [".medusa/server"],
    exports: {
      "./package.json": "./package.json",
      ...(kind === "module"
        ? {
            "./.medusa/server/src/modules/*": "./.medusa/server/src/modules/*/index.js",
            "./modules/*": "./.medusa/server/src/modules/*/index.js",
          }
        : { "./providers/*": "./.medusa/server/src/providers/*/index.js" }),
      "./admin": {
        import: "./.medusa/server/src/admin/index.mjs",
        require: "./.medusa/server/src/admin/index.js",
        default: "./.medusa/server/src/admin/index.js",
      },
    },
    scripts: { build: "medusa plugin:build", dev: "medusa plugin:develop", test: "jest" },
    devDependencies: medusa(["admin-sdk", "cli", "framework", "medusa", "test-utils"]),
    peerDependencies: medusa(["framework", "medusa"]),
    engines: { node: ">=20" },
    tienda: {
      kind,
      ...(registrationOptions ? { options: registrationOptions } : {}),
      ...(kind === "module" ? { modules: [nameForms(name).camel] } : {}),
    },
  }
}

/** The plugin's tsconfig: its own (TS5083 otherwise), compiling src/ only, tests and admin excluded. */
export function pluginTsconfig(): Record<string, unknown> {
  return {
    compilerOptions: {
      target: "ES2021",
      esModuleInterop: true,
      module: "Node16",
      moduleResolution: "Node16",
      emitDecoratorMetadata: true,
      experimentalDecorators: true,
      skipLibCheck: true,
      skipDefaultLibCheck: true,
      declaration: false,
      sourceMap: false,
      inlineSourceMap: true,
      outDir: "./.medusa/server",
      rootDir: "./",
      jsx: "react-jsx",
      forceConsistentCasingInFileNames: true,
      resolveJsonModule: true,
      checkJs: false,
      strictNullChecks: true,
    },
    "ts-node": { swc: true },
    include: ["**/*", ".medusa/types/*"],
    exclude: [
      "node_modules",
      ".medusa/server",
      ".medusa/admin",
      "src/admin",
      ".cache",
      "**/__tests__",
      "integration-tests",
      "jest.config.js",
    ],
  }
}

/** Lets `npm test -w <package>` run the plugin's own tests; the shop's `npm test` runs them as well. */
export const PLUGIN_JEST_CONFIG = `// This plugin's tests on their own: \`npm test -w <package>\` (the shop's \`npm test\` runs them too).
module.exports = {
  transform: {
    "^.+\\\\.[jt]s$": ["@swc/jest", { jsc: { parser: { syntax: "typescript", decorators: true } } }],
  },
  testEnvironment: "node",
  testMatch: ["<rootDir>/src/**/__tests__/**/*.spec.ts", "<rootDir>/integration-tests/**/*.spec.ts"],
  modulePathIgnorePatterns: ["<rootDir>/.medusa/"],
}
`
