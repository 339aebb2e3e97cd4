import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { execSync, spawn } from "node:child_process"
import { root } from "./shop-process"

/**
 * A throw-away copy of the project for tests that change it (generated plugins, medusa-config.ts edits): the
 * committed app and its workspace plugins, and a node_modules made of links to the real one's entries, so
 * nothing is installed and nothing in the real checkout changes. Its own `@tienda/` folder links the copied
 * plugins and receives the links `tienda plugin add` makes.
 */
export function makeTempProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tienda-cli-e2e-"))
  // The embedded server runs as the "postgres" user when we are root: it must enter this folder.
  fs.chmodSync(dir, 0o755)
  if (fs.existsSync(path.join(root, ".git"))) {
    execSync(`git archive HEAD | tar -x -C ${JSON.stringify(dir)}`, { cwd: root })
  } else {
    for (const entry of [
      "src",
      "data",
      "plugins",
      "integration-tests",
      "medusa-config.ts",
      "package.json",
      "package-lock.json",
      "tsconfig.json",
      "jest.config.js",
    ]) {
      if (fs.existsSync(path.join(root, entry))) {
        fs.cpSync(path.join(root, entry), path.join(dir, entry), {
          recursive: true,
          filter: (source) => !/[/\\](node_modules|\.medusa)$/.test(source),
        })
      }
    }
  }
  copyPluginBuilds(dir)
  const modules = path.join(dir, "node_modules")
  fs.mkdirSync(path.join(modules, "@tienda"), { recursive: true })
  for (const entry of fs.readdirSync(path.join(root, "node_modules"))) {
    if (entry !== "@tienda") {
      fs.symlinkSync(path.join(root, "node_modules", entry), path.join(modules, entry))
    }
  }
  fs.symlinkSync(path.join(root, "cli"), path.join(modules, "@tienda", "cli"))
  // The shop's own workspace plugins, linked to their copies as npm links workspaces.
  const plugins = path.join(dir, "plugins")
  for (const name of fs.existsSync(plugins) ? fs.readdirSync(plugins) : []) {
    const manifest = path.join(plugins, name, "package.json")
    if (fs.existsSync(manifest)) {
      const packageName: string = JSON.parse(fs.readFileSync(manifest, "utf8")).name
      fs.mkdirSync(path.dirname(path.join(modules, packageName)), { recursive: true })
      fs.symlinkSync(path.join(plugins, name), path.join(modules, packageName))
    }
  }
  return dir
}

/**
 * The workspace plugins' build output (`.medusa`, not committed), so the copy does not build again what `npm test`
 * built before jest started: each carries the stamp of the sources it was built from, and a plugin whose sources
 * differ in the copy (uncommitted changes) is still rebuilt there.
 */
function copyPluginBuilds(dir: string): void {
  const plugins = path.join(root, "plugins")
  for (const name of fs.existsSync(plugins) ? fs.readdirSync(plugins) : []) {
    const build = path.join(plugins, name, ".medusa")
    if (fs.existsSync(build) && fs.existsSync(path.join(dir, "plugins", name))) {
      fs.cpSync(build, path.join(dir, "plugins", name, ".medusa"), { recursive: true })
    }
  }
}

export interface CliResult {
  code: number | null
  output: string
}

/** Runs `tienda <args>` (the CLI of this checkout) inside `cwd`, collecting stdout and stderr together. */
export function runCli(cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve) => {
    let output = ""
    const child = spawn(process.execPath, [path.join(root, "cli/bin/tienda.js"), ...args], { cwd, env })
    child.stdout.on("data", (chunk) => (output += chunk))
    child.stderr.on("data", (chunk) => (output += chunk))
    child.once("exit", (code) => resolve({ code, output }))
  })
}
