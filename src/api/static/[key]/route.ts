import { serveStoredFile } from "./serve-stored-file"

/** GET /static/:key — a stored file (product image, upload) under its content-hashed name. */
export const GET = serveStoredFile
