import { z } from "@medusajs/framework/zod"
import type { ApiOperation } from "../../../lib/api-docs/operation"

const StoredFileParams = z.object({
  key: z
    .string()
    .describe(
      "The file's key, as the File Module's URL names it: `<name>-<first 16 hex digits of its SHA-256>.<extension>` for a public file"
    ),
})

export const storedFileOperations: ApiOperation[] = [
  {
    method: "GET",
    path: "/static/:key",
    audience: "public",
    tag: "Files",
    summary: "A stored file: product images and admin uploads",
    description:
      "Public files are named by their content, so a URL never changes meaning: `Cache-Control: public, max-age=31536000, immutable`, the content hash as a strong `ETag` (304 on `If-None-Match`), `Access-Control-Allow-Origin: *`. Private files (Medusa's exports) are `private, no-store` downloads under an unguessable key. A 404 is never cached. Product and upload URLs carry `TIENDA_FILE_URL`, which may name a CDN in front of this route.",
    params: StoredFileParams,
    answers: {
      200: { description: "The file's bytes, with its media type", contentType: "application/octet-stream" },
      304: { description: "Not modified: the `If-None-Match` names this file's content" },
      404: { description: "No such file" },
    },
    examples: [{ summary: "A file that is not stored", params: { key: "shirt-0123456789abcdef.png" } }],
  },
]
