/**
 * The bytes of an upload. The File Module hands providers `content` as a string: base64 from `POST /admin/uploads`,
 * UTF-8 text from some workflows (a product import's JSON chunks), or a latin1 "binary" string as Medusa's upload
 * docs suggest. Decoded as Medusa's own local provider decodes it, so every caller's files come out unchanged.
 */
export function decodeContent(content: string | Uint8Array, mimeType?: string): Buffer {
  if (typeof content !== "string") {
    return Buffer.from(content)
  }
  const base64 = Buffer.from(content, "base64")
  if (base64.toString("base64") === content) {
    return base64
  }
  const type = (mimeType ?? "").toLowerCase()
  const isText = type.startsWith("text/") || ["csv", "json", "xml"].some((kind) => type.includes(kind))
  return Buffer.from(content, isText ? "utf8" : "latin1")
}
