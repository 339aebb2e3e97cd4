import { optional } from "../define"
import { text, url } from "../types/text"

/**
 * Stored files (product images, admin uploads): where the File Module's provider (src/modules/file-local-immutable)
 * keeps them, and the public address their URLs start with. Unset, medusa-config.ts takes `<state>/uploads` and the
 * backend's own `/static` (see `fileStorageOf`).
 */
export const fileSettings = {
  dir: optional(
    "TIENDA_FILE_DIR",
    text,
    "folder of stored files, default <state>/uploads (relative: from the project folder); survives rebuilds"
  ),
  publicUrl: optional(
    "TIENDA_FILE_URL",
    url(["http", "https"]),
    "public base URL of stored files (a CDN in front of the backend's /static); default <MEDUSA_BACKEND_URL>/static"
  ),
}
