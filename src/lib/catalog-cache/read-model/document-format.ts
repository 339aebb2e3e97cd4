import { deflateRawSync, inflateRawSync } from "node:zlib"

/**
 * The read model's document format: one product as Medusa's handler rendered it (its JSON, exactly), kept
 * deflated; and the answers assembled from documents, byte for byte Medusa's. Pure (unit-tested).
 */

/** Documents are kept deflated: a sixth of the JSON or less (10,000 products in two regions: ~25 MB, not ~140 MB). */
export function packDocument(json: string): Buffer {
  return deflateRawSync(json, { level: 1 })
}

export function unpackDocument(packed: Buffer): string {
  return unpackDocumentBytes(packed).toString("utf8")
}

/** The document's UTF-8 bytes: what the fast path sends, without a detour through a JS string. */
export function unpackDocumentBytes(packed: Buffer): Buffer {
  return inflateRawSync(packed)
}

/** Medusa's list answer, byte for byte: `{ products, count, offset, limit }`. */
export function listAnswer(documents: string[], count: number, offset: unknown, limit: unknown): string {
  return `{"products":[${documents.join(",")}],${listTail(count, offset, limit)}`
}

/** The same answer as bytes, from documents as bytes (a page of 20 is ~80 KB: no string to build and encode again). */
export function listAnswerBytes(documents: Buffer[], count: number, offset: unknown, limit: unknown): Buffer {
  const parts: Buffer[] = [Buffer.from('{"products":[')]
  documents.forEach((document, index) => parts.push(...(index ? [COMMA, document] : [document])))
  parts.push(Buffer.from(`],${listTail(count, offset, limit)}`))
  return Buffer.concat(parts)
}

const COMMA = Buffer.from(",")

function listTail(count: number, offset: unknown, limit: unknown): string {
  return `"count":${JSON.stringify(count)},"offset":${JSON.stringify(offset)},"limit":${JSON.stringify(limit)}}`
}

/** Medusa's retrieve answer, `{ product }`: the list document with `categories.is_internal` of each category. */
export function detailAnswerBytes(document: Buffer, categories: number): Buffer {
  if (document[document.length - 1] !== 0x7d) {
    throw new Error("a product document is not a JSON object")
  }
  const entries = Array.from({ length: categories }, () => '{"is_internal":false}').join(",")
  return Buffer.concat([
    Buffer.from('{"product":'),
    document.subarray(0, -1),
    Buffer.from(`,"categories":[${entries}]}}`),
  ])
}
