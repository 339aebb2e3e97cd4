/**
 * The names files are stored and served under. A key is one path segment of lower-case letters, digits, `-`, `_`
 * and one `.` before the extension, so it can never name anything outside the folder (no separator, no `..`):
 *
 * - public: `<name>-<hash>.<ext>`, `<hash>` the first 16 hex digits of the content's SHA-256. Other bytes give
 *   another key (and URL), the same bytes under the same name the same one: the URL can be cached forever.
 * - private: `private_<32 random hex digits>-<name>.<ext>`. Medusa's exports (orders with customers' addresses) are
 *   streamed, so their key is chosen before the first byte is known; an unguessable one, never cached.
 */
import { createHash, randomBytes } from "node:crypto"

export const HASH_LENGTH = 16
const NAME_LENGTH = 48

const PUBLIC_KEY = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*-)?([0-9a-f]{16})\.([a-z0-9]{1,8})$/
const PRIVATE_KEY = /^private_[0-9a-f]{32}(?:-[a-z0-9]+(?:-[a-z0-9]+)*)?\.([a-z0-9]{1,8})$/
const EXTENSION = /^[a-z0-9]{1,8}$/

/** Extensions for uploads whose file name has none (or an odd one). */
const EXTENSION_OF_TYPE: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/avif": "avif",
  "image/gif": "gif",
  "image/svg+xml": "svg",
  "text/csv": "csv",
  "text/plain": "txt",
  "application/json": "json",
  "application/pdf": "pdf",
}

export type StoredKey = { access: "public"; hash: string; extension: string } | { access: "private"; extension: string }

/** The last segment of a file name, whatever separator the client used (`../../x.png` → `x.png`). */
function baseName(filename: string): string {
  return filename.split(/[\\/]/).pop() ?? ""
}

/**
 * A UTF-8 name that was read as latin1 (`PaÃ±uelo`): multer, under `POST /admin/uploads`, hands Medusa the
 * multipart file name that way. Only when every character fits a byte and the bytes are valid UTF-8.
 */
function repairLatin1(name: string): string {
  if (!/[\u0080-\u00ff]/.test(name) || [...name].some((char) => char.charCodeAt(0) > 0xff)) {
    return name
  }
  const decoded = Buffer.from(name, "latin1").toString("utf8")
  return decoded.includes("\ufffd") ? name : decoded
}

/** A file name reduced to what a key may hold: `Camisa de Lino (2).PNG` → `camisa-de-lino-2`. */
export function nameOf(filename: string): string {
  const base = repairLatin1(baseName(filename))
  const dot = base.lastIndexOf(".")
  const stem = dot > 0 ? base.slice(0, dot) : base
  return stem
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, NAME_LENGTH)
    .replace(/^-+|-+$/g, "")
}

/** The file name's extension when it is a plain one, else the media type's, else `bin`. */
export function extensionOf(filename: string, mimeType?: string): string {
  const base = baseName(filename)
  const dot = base.lastIndexOf(".")
  const extension = dot > 0 ? base.slice(dot + 1).toLowerCase() : ""
  if (EXTENSION.test(extension)) {
    return extension
  }
  return EXTENSION_OF_TYPE[(mimeType ?? "").split(";")[0].trim().toLowerCase()] ?? "bin"
}

export function contentHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex").slice(0, HASH_LENGTH)
}

export function publicKey(filename: string, mimeType: string | undefined, bytes: Uint8Array): string {
  const name = nameOf(filename)
  return `${name ? `${name}-` : ""}${contentHash(bytes)}.${extensionOf(filename, mimeType)}`
}

export function privateKey(filename: string, mimeType: string | undefined, random = randomBytes(16)): string {
  const name = nameOf(filename)
  return `private_${Buffer.from(random).toString("hex")}${name ? `-${name}` : ""}.${extensionOf(filename, mimeType)}`
}

/** What a key is, or undefined for anything this provider would never have made (`../x`, `a/b.png`, `.env`). */
export function parseKey(key: unknown): StoredKey | undefined {
  if (typeof key !== "string") {
    return undefined
  }
  const isPublic = PUBLIC_KEY.exec(key)
  if (isPublic) {
    return { access: "public", hash: isPublic[1], extension: isPublic[2] }
  }
  const isPrivate = PRIVATE_KEY.exec(key)
  return isPrivate ? { access: "private", extension: isPrivate[1] } : undefined
}
