import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"

const SKIPPED_DIRS = new Set([
  "node_modules",
  ".medusa",
  ".tienda",
  ".git",
  "coverage",
  "__tests__",
  "integration-tests",
])

/**
 * A hash of the given files and folders (recursively, skipping build output and tests) plus extra values.
 * Folders are hashed by content: the app's sources are small, and content survives a fresh clone where mtimes do not.
 */
export function fingerprint(root: string, entries: string[], extra: Record<string, string | undefined> = {}): string {
  const hash = crypto.createHash("sha256")
  for (const entry of entries) {
    hashEntry(hash, root, path.join(root, entry))
  }
  for (const key of Object.keys(extra).sort()) {
    hash.update(`env:${key}=${extra[key] ?? ""}\n`)
  }
  return hash.digest("hex")
}

function hashEntry(hash: crypto.Hash, root: string, target: string): void {
  if (!fs.existsSync(target)) {
    hash.update(`missing:${path.relative(root, target)}\n`)
    return
  }
  const stat = fs.statSync(target)
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(target).sort()) {
      if (!SKIPPED_DIRS.has(name)) {
        hashEntry(hash, root, path.join(target, name))
      }
    }
    return
  }
  hash.update(`file:${path.relative(root, target)}\n`)
  hash.update(fs.readFileSync(target))
}

export function readStamp(file: string): string | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")).fingerprint
  } catch {
    return undefined
  }
}

export function writeStamp(file: string, value: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, JSON.stringify({ fingerprint: value, at: new Date().toISOString() }, null, 2))
}
