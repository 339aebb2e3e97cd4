// One jest config, three projects: `unit` (pure logic, no services), `http` (the whole app over real HTTP on a
// fresh PostgreSQL database per file) and `e2e` (`tienda start` + the admin dashboard in a real browser).
// Run them through `npm test` (tienda test), which provides PostgreSQL when DB_HOST is not set.
const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

const transform = {
  "^.+\\.[jt]sx?$": ["@swc/jest", { jsc: { parser: { syntax: "typescript", tsx: true, decorators: true } } }],
}
const shared = {
  transform,
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/plugins/.*/.medusa/", "<rootDir>/.tienda/"],
}

module.exports = {
  // A spec's worker is replaced when it holds more than this after the spec: each booted Medusa app leaves memory
  // behind, and one process running every spec ran out of heap.
  workerIdleMemoryLimit: "1200MB",
  // Jest's order, with the specs that wait for the shared e2e shop moved back a little (see the file).
  testSequencer: "<rootDir>/integration-tests/test-sequencer.js",
  // When each spec file started and ended: .tienda/test-timeline.txt.
  reporters: ["default", "<rootDir>/integration-tests/timeline-reporter.js"],
  projects: [
    {
      ...shared,
      displayName: "unit",
      testMatch: [
        "<rootDir>/src/**/__tests__/**/*.spec.[jt]s",
        "<rootDir>/cli/src/**/__tests__/**/*.spec.ts",
        "<rootDir>/plugins/*/src/**/__tests__/**/*.spec.[jt]s",
        "<rootDir>/integration-tests/__tests__/**/*.spec.[jt]s",
        "<rootDir>/ops/**/__tests__/**/*.spec.ts",
      ],
    },
    {
      ...shared,
      displayName: "http",
      testMatch: [
        "<rootDir>/integration-tests/http/**/*.spec.[jt]s",
        "<rootDir>/plugins/*/integration-tests/**/*.spec.[jt]s",
      ],
      setupFiles: ["<rootDir>/integration-tests/setup.js"],
      // One migrated database that each spec's database is copied from (see integration-tests/helpers/test-database.ts).
      globalSetup: "<rootDir>/integration-tests/http/template-database/global-setup.ts",
      globalTeardown: "<rootDir>/integration-tests/http/template-database/global-teardown.ts",
    },
    {
      ...shared,
      displayName: "e2e",
      testMatch: ["<rootDir>/integration-tests/e2e/**/*.spec.[jt]s"],
      setupFiles: ["<rootDir>/integration-tests/e2e/fetch-without-keep-alive.js"],
      // One `tienda start` shared by the specs that only need a running shop (see shared-shop/global-setup.ts).
      globalSetup: "<rootDir>/integration-tests/e2e/shared-shop/global-setup.ts",
      globalTeardown: "<rootDir>/integration-tests/e2e/shared-shop/global-teardown.ts",
    },
  ],
}
