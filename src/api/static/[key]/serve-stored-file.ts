import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { configManager } from "@medusajs/framework/config"
import { MedusaError } from "@medusajs/framework/utils"
import { projectRootOf } from "../../../lib/secrets/state-dir"
import { fileStorageOf } from "../../../modules/file-local-immutable/options"
import { parseKey, type StoredKey } from "../../../modules/file-local-immutable/utils/file-keys"

/** A year, the customary longest `max-age`: a content-hashed file never changes under its name. */
export const IMMUTABLE = "public, max-age=31536000, immutable"

/** What a stored file's answer carries besides its bytes, type, length and Last-Modified. */
export function storedFileHeaders(key: StoredKey): Record<string, string> {
  const common = {
    // Uploads may be SVG or HTML: opened directly, nothing in them runs or loads.
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    "X-Content-Type-Options": "nosniff",
  }
  if (key.access === "private") {
    return { ...common, "Cache-Control": "private, no-store", "Content-Disposition": "attachment" }
  }
  return {
    ...common,
    "Cache-Control": IMMUTABLE,
    // The content hash is the entity tag: the same on every server and after every restart.
    ETag: `"${key.hash}"`,
    // Storefronts on another origin show these images (helmet's same-origin policy would block them in browsers).
    "Cross-Origin-Resource-Policy": "cross-origin",
    "Access-Control-Allow-Origin": "*",
  }
}

/**
 * `GET /static/:key` (`route.ts`): a file of the File Module's local provider (src/modules/file-local-immutable),
 * from its folder. Medusa's own `express.static` for `/static` runs first and answers only for files in
 * `<cwd>/static`, which this provider never writes to; everything else comes here. Only a key of the provider's
 * grammar (one segment, no separator, no `..`) is looked up, so Express's decoding of `%2f` or `%2e` cannot lead
 * outside the folder. The cache headers are set only once the file is found: a 404 keeps `no-store`, so no CDN
 * keeps a miss for a year.
 */
export function storedFileServer(folder: () => string) {
  return async function serveStoredFile(req: MedusaRequest, res: MedusaResponse): Promise<void> {
    const key = req.params.key
    const parsed = parseKey(key)
    if (!parsed) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "File not found")
    }
    const sent = await new Promise<boolean>((resolve, reject) => {
      res.sendFile(
        key,
        {
          root: folder(),
          dotfiles: "deny",
          cacheControl: false,
          etag: false,
          lastModified: true,
          headers: storedFileHeaders(parsed),
        },
        (error?: Error & { status?: number; statusCode?: number }) => {
          if (!error || res.headersSent) {
            // Sent; or the client went away mid-file, and there is nothing left to answer.
            resolve(true)
          } else if ((error.status ?? error.statusCode) === 404) {
            resolve(false)
          } else {
            reject(error)
          }
        }
      )
    })
    if (!sent) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "File not found")
    }
  }
}

let uploadDir: string | undefined

/**
 * The provider's folder as medusa-config.ts gave it (the same settings, the same project root), found once: the
 * settings change only with a restart, and an image request should not read them again.
 */
export const serveStoredFile = storedFileServer(
  () => (uploadDir ??= fileStorageOf(projectRootOf(configManager.baseDir)).uploadDir)
)
