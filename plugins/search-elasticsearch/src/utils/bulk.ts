import { MedusaError } from "@medusajs/framework/utils"
import type { SearchTypes } from "@medusajs/framework/types"

/** One document or deletion of a `_bulk` request: its id and the NDJSON lines (action, then source). */
export interface BulkEntry {
  id: string
  lines: Record<string, unknown>[]
  bytes: number
}

export interface BulkItemFailure {
  id: string
  status: number
  type?: string
  reason?: string
}

/** `index` actions (create or replace by id) for the documents; each must carry its primary key. */
export function indexEntries(alias: string, documents: SearchTypes.SearchDocument[], primaryKey: string): BulkEntry[] {
  return documents.map((document, position) => {
    const key: unknown = document[primaryKey]
    if ((typeof key !== "string" && typeof key !== "number") || key === "") {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Document ${position + 1} of ${documents.length} written to search index "${alias}" has no primary key "${primaryKey}"`
      )
    }
    const id = String(key)
    const lines = [{ index: { _index: alias, _id: id } }, document as Record<string, unknown>]
    return { id, lines, bytes: byteLength(lines) }
  })
}

export function deleteEntries(alias: string, ids: string[]): BulkEntry[] {
  return ids.map((id) => {
    const lines = [{ delete: { _index: alias, _id: id } }]
    return { id, lines, bytes: byteLength(lines) }
  })
}

function byteLength(lines: Record<string, unknown>[]): number {
  return lines.reduce((sum, line) => sum + Buffer.byteLength(JSON.stringify(line)) + 1, 0)
}

/** Splits entries into `_bulk` requests of at most `maxCount` entries and (unless one entry alone is larger) `maxBytes`. */
export function chunkEntries(entries: BulkEntry[], maxCount: number, maxBytes: number): BulkEntry[][] {
  const chunks: BulkEntry[][] = []
  let current: BulkEntry[] = []
  let bytes = 0
  for (const entry of entries) {
    if (current.length && (current.length >= maxCount || bytes + entry.bytes > maxBytes)) {
      chunks.push(current)
      current = []
      bytes = 0
    }
    current.push(entry)
    bytes += entry.bytes
  }
  if (current.length) {
    chunks.push(current)
  }
  return chunks
}

/**
 * The items of a `_bulk` answer that did not apply, split into those worth retrying (429: the node's write queue
 * was full; 502–504) and the rest (a document Elasticsearch cannot index). Deleting a document that is not
 * there (404) is not a failure.
 */
export function readBulkFailures(response: { errors?: boolean; items?: Record<string, any>[] }): {
  retryable: BulkItemFailure[]
  failed: BulkItemFailure[]
} {
  const retryable: BulkItemFailure[] = []
  const failed: BulkItemFailure[] = []
  if (!response.errors) {
    return { retryable, failed }
  }
  for (const item of response.items ?? []) {
    const [action, result] = Object.entries(item)[0] ?? []
    if (!result || (result.status >= 200 && result.status < 300) || (action === "delete" && result.status === 404)) {
      continue
    }
    const failure = {
      id: String(result._id),
      status: Number(result.status),
      type: result.error?.type,
      reason: result.error?.reason,
    }
    if (failure.status === 429 || (failure.status >= 502 && failure.status <= 504)) {
      retryable.push(failure)
    } else {
      failed.push(failure)
    }
  }
  return { retryable, failed }
}

/** A short, bounded description of rejected documents for a failed task's message. */
export function describeFailures(failures: BulkItemFailure[], total: number): string {
  const shown = failures
    .slice(0, 3)
    .map((f) => `${f.id}: ${f.type ?? `HTTP ${f.status}`}${f.reason ? ` (${f.reason.slice(0, 160)})` : ""}`)
  const more = failures.length > shown.length ? `; and ${failures.length - shown.length} more` : ""
  return `Elasticsearch rejected ${failures.length} of ${total} document(s): ${shown.join("; ")}${more}`
}
