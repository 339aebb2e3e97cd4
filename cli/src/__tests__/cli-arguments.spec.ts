import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { spawn } from "node:child_process"
import { COMMANDS, type CommandSpec } from "../commands"
import { writePlugin } from "../plugins/new-plugin"

/** The real `tienda` binary, run in `cwd`; resolves with its exit code and everything it printed. */
function tienda(args: string[], cwd = process.cwd()): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    let output = ""
    const child = spawn(process.execPath, [path.join(__dirname, "../../bin/tienda.js"), ...args], { cwd })
    child.stdout.on("data", (chunk) => (output += chunk))
    child.stderr.on("data", (chunk) => (output += chunk))
    child.once("exit", (code) => resolve({ code, output }))
  })
}

function commandPaths(specs: CommandSpec[], prefix: string[] = []): string[][] {
  return specs
    .filter((spec) => !spec.hidden)
    .flatMap((spec) => [[...prefix, spec.name], ...commandPaths(spec.subcommands ?? [], [...prefix, spec.name])])
}

jest.setTimeout(120_000)

describe("tienda command line", () => {
  let project: string

  beforeAll(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), "tienda-cli-args-"))
    fs.writeFileSync(path.join(project, "package.json"), '{ "name": "shop", "private": true }\n')
    // A config tienda must refuse to edit: `modules` is built in a variable.
    fs.writeFileSync(
      path.join(project, "medusa-config.ts"),
      'import { defineConfig } from "@medusajs/framework/utils"\nconst modules = []\nmodule.exports = defineConfig({ modules })\n'
    )
    writePlugin(path.join(project, "plugins", "demo"), "demo", "payment")
    fs.mkdirSync(path.join(project, "not-a-plugin"))
  })

  afterAll(() => fs.rmSync(project, { recursive: true, force: true }))

  it("has --help for every command, exiting 0", async () => {
    const paths = commandPaths(COMMANDS)
    expect(paths.length).toBeGreaterThanOrEqual(14)
    const results = await Promise.all(paths.map((names) => tienda([...names, "--help"])))
    for (const [index, result] of results.entries()) {
      expect({
        command: paths[index].join(" "),
        code: result.code,
        usage: result.output.startsWith("Usage: tienda"),
      }).toEqual({
        command: paths[index].join(" "),
        code: 0,
        usage: true,
      })
    }
  })

  it.each([
    [["frobnicate"], /unknown command 'frobnicate'/],
    [["plugin"], /Usage: tienda plugin/],
    [["plugin", "new", "demo"], /required option '--type <type>' not specified/],
    [
      ["plugin", "new", "demo", "--type", "shipping"],
      /Allowed choices are payment, fulfillment, search, notification, module/,
    ],
    [["plugin", "new", "Demo_Plugin", "--type", "payment"], /"Demo_Plugin" is not a valid plugin name/],
    [["plugin", "list", "extra"], /too many arguments/],
    [["plugin", "add"], /missing required argument 'path-or-package'/],
    [["plugin", "add", "./plugins/demo", "--option", "no-equals"], /--option takes key=value/],
    [["user", "create", "--email", "not-an-email"], /--email must be an email address/],
    [["seed", "--products", "many"], /--products takes a whole number/],
    [["doctor", "--verbose"], /unknown option '--verbose'/],
  ])("tienda %j exits with code 2 and says what is wrong", async (args, message) => {
    const result = await tienda(args, project)
    expect(result.output).toMatch(message)
    expect(result.code).toBe(2)
  })

  it("loads a command's module only when that command runs (help and argument errors skip ts-morph)", async () => {
    const script = `require("tsx/cjs"); const { COMMANDS } = require(${JSON.stringify(path.join(__dirname, "../commands.ts"))});
      require(${JSON.stringify(path.join(__dirname, "../shared/config-edit-refused.ts"))});
      const loaded = Object.keys(require.cache);
      console.log(JSON.stringify({ commands: COMMANDS.length, tsMorph: loaded.some((file) => file.includes("/ts-morph/")),
        commandModules: loaded.filter((file) => /cli\\/src\\/(start|test|seed|plugins|doctor|db|user)\\//.test(file)).length }))`
    const output = await new Promise<string>((resolve) => {
      let out = ""
      const child = spawn(process.execPath, ["-e", script], { cwd: path.join(__dirname, "../../..") })
      child.stdout.on("data", (chunk) => (out += chunk))
      child.stderr.on("data", (chunk) => (out += chunk))
      child.once("exit", () => resolve(out))
    })
    expect(JSON.parse(output.trim())).toEqual({ commands: COMMANDS.length, tsMorph: false, commandModules: 0 })
  })

  it("refuses a taken plugin name and a folder that is not a plugin with code 2", async () => {
    const taken = await tienda(["plugin", "new", "demo", "--type", "module"], project)
    expect(taken).toEqual({ code: 2, output: expect.stringContaining("plugins/demo already exists") })
    const notPlugin = await tienda(["plugin", "add", "./not-a-plugin"], project)
    expect(notPlugin).toEqual({
      code: 2,
      output: expect.stringContaining("./not-a-plugin is not a plugin: it has no package.json"),
    })
    const missing = await tienda(["plugin", "add", "./nowhere"], project)
    expect(missing).toEqual({ code: 2, output: expect.stringContaining("There is no folder at ./nowhere") })
  })

  it.each([
    ["key=env:X);require('child_process').execSync('id')//"],
    ["key=env:process.env.HOME"],
    ["key=env:"],
    ["hosts=a,env:Y;globalThis.x=1"],
  ])("refuses --option %s as code, with code 2, before touching medusa-config.ts", async (option) => {
    // An editable config (the golden-file input), so only the option's check stands between it and an edit.
    const editable = fs.mkdtempSync(path.join(os.tmpdir(), "tienda-cli-inject-"))
    try {
      fs.writeFileSync(path.join(editable, "package.json"), '{ "name": "shop", "private": true }\n')
      const config = fs.readFileSync(path.join(__dirname, "../codemods/__tests__/fixtures/tienda-config.in.ts"), "utf8")
      fs.writeFileSync(path.join(editable, "medusa-config.ts"), config)
      writePlugin(path.join(editable, "plugins", "demo"), "demo", "payment")
      const result = await tienda(["plugin", "add", "./plugins/demo", "--option", option], editable)
      expect(result.output).toMatch(/"env:" must be followed by an environment variable's name/)
      expect(result.code).toBe(2)
      expect(fs.readFileSync(path.join(editable, "medusa-config.ts"), "utf8")).toBe(config)
      expect(fs.existsSync(path.join(editable, "node_modules"))).toBe(false)
    } finally {
      fs.rmSync(editable, { recursive: true, force: true })
    }
  })

  it("refuses to edit a medusa-config.ts it cannot edit safely, before installing or building anything", async () => {
    const before = fs.readFileSync(path.join(project, "medusa-config.ts"), "utf8")
    const result = await tienda(["plugin", "add", "./plugins/demo"], project)
    expect(result.code).toBe(1)
    expect(result.output).toContain(
      "medusa-config.ts was not changed: `modules` in medusa-config.ts is not a literal array"
    )
    expect(fs.readFileSync(path.join(project, "medusa-config.ts"), "utf8")).toBe(before)
    expect(fs.existsSync(path.join(project, "node_modules"))).toBe(false)
    expect(fs.existsSync(path.join(project, "plugins/demo/.medusa"))).toBe(false)
  })
})
