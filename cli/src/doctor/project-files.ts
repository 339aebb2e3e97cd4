import fs from "node:fs"
import path from "node:path"
import { spawnSync } from "node:child_process"

const SKIPPED_FOLDERS = new Set(["node_modules", ".git", ".medusa", ".tienda", "dist", "build", "coverage"])
const MAX_FILE_BYTES = 5 * 1024 * 1024

/**
 * The project's own files, as published with it: what git tracks or would track (.gitignore'd files such as .env
 * left out); without git, every file outside the usual generated and private folders and `.env` files.
 */
export function projectFiles(root: string): string[] {
  const gitArgs = ["ls-files", "-z", "--cached", "--others", "--exclude-standard"]
  const listed = spawnSync("git", gitArgs, { cwd: root, encoding: "utf8" })
  if (listed.status === 0) {
    return listed.stdout
      .split("\0")
      .filter(Boolean)
      .map((file) => path.join(root, file))
  }
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) {
        walk(full)
      } else if (entry.isFile() && !/^\.env(\.(local|test|production|development))?$/.test(entry.name)) {
        files.push(full)
      }
    }
  }
  walk(root)
  return files
}

/** The first project file that contains `text`, relative to the project; undefined when none does. */
export function projectFileContaining(root: string, text: string): string | undefined {
  for (const file of projectFiles(root)) {
    try {
      if (fs.statSync(file).size <= MAX_FILE_BYTES && fs.readFileSync(file, "utf8").includes(text)) {
        return path.relative(root, file)
      }
    } catch {
      // Deleted while we looked, or unreadable: not published by us either way.
    }
  }
  return undefined
}
