// One ESLint config for the app, plugins/*, cli, integration-tests and bench. Formatting is Prettier's job
// (eslint-config-prettier goes last); this file holds the rules a formatter cannot.
import js from "@eslint/js"
import prettier from "eslint-config-prettier"
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript"
import { importX } from "eslint-plugin-import-x"
import globals from "globals"
import tseslint from "typescript-eslint"

const typeScriptFiles = ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"]

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/",
      "**/.medusa/",
      "**/.tienda/",
      "**/.cache/",
      "**/dist/",
      "**/build/",
      "**/coverage/",
      "bench/results/",
      // Golden files of the medusa-config.ts codemod: byte-for-byte expectations, not code to tidy.
      "cli/src/codemods/__tests__/fixtures/",
      // Code that breaks the rules on purpose, for the test that proves they are on.
      "integration-tests/__tests__/fixtures/",
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  js.configs.recommended,
  importX.flatConfigs.recommended,
  {
    settings: {
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.eslint.json" })],
    },
    rules: {
      // External packages cannot import ours back; not walking them keeps the rule fast.
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      // TypeScript already checks what a namespace import holds, and much faster.
      "import-x/namespace": "off",
      // TypeScript checks named imports; a default import of a CommonJS module is idiomatic with esModuleInterop.
      "import-x/no-named-as-default-member": "off",
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: globals.node },
  },
  {
    files: typeScriptFiles,
    extends: [tseslint.configs.recommendedTypeChecked, importX.flatConfigs.typescript],
    languageOptions: {
      parserOptions: {
        project: "./tsconfig.eslint.json",
        tsconfigRootDir: import.meta.dirname,
      },
      globals: globals.node,
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      // Off as in Medusa's own config: Medusa's query results, HTTP bodies and container resolutions are loosely
      // typed, so `any` and its flows would be thousands of findings, most in tests.
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      // Provider and step methods are async by their interface even when nothing in them awaits.
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    // Medusa's data models reference each other through lazy `() => Model` thunks, which two-sided relations need.
    files: ["**/modules/*/models/*.ts"],
    rules: { "import-x/no-cycle": "off" },
  },
  prettier
)
