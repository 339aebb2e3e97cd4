import { spawnSync } from "node:child_process"
import path from "node:path"

const root = path.resolve(__dirname, "../..")
const fixtures = path.join(__dirname, "fixtures", "lint")

/**
 * The rule ids ESLint reports on a fixture under the repository's eslint.config.mjs (which ignores the fixtures,
 * so `npm run lint` itself passes). A child process: jest's module sandbox cannot import the ESM config.
 */
function ruleIdsOf(file: string): string[] {
  const run = spawnSync(
    process.execPath,
    [
      path.join(root, "node_modules", "eslint", "bin", "eslint.js"),
      "--no-ignore",
      "--format",
      "json",
      // A program of the fixtures alone keeps this fast.
      "--parser-options",
      `project:${path.join(fixtures, "tsconfig.json")}`,
      path.join(fixtures, file),
    ],
    { cwd: root, encoding: "utf8" }
  )
  if (run.status !== 1) {
    throw new Error(`eslint exited with ${run.status}, expected 1 (problems found): ${run.stderr}`)
  }
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null }[] }[]
  return result.messages.map((message) => message.ruleId ?? "parse error")
}

describe("npm run lint", () => {
  it("fails on an import cycle", () => {
    expect(ruleIdsOf("cycle-a.ts")).toContain("import-x/no-cycle")
  })

  it("fails on a floating promise", () => {
    expect(ruleIdsOf("floating-promise.ts")).toContain("@typescript-eslint/no-floating-promises")
  })
})
