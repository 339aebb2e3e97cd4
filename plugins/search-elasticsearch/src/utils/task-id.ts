/**
 * Elasticsearch applies a write at the next refresh (near real time), and a delete by query runs as a
 * server-side task. A write returns an `enqueued` task naming the alias to refresh and, for a delete by query,
 * the Elasticsearch task to wait for; `waitForTask` settles it.
 */
export interface PendingWrite {
  alias: string
  esTask?: string
}

export function encodeTaskId(write: PendingWrite): string {
  return JSON.stringify(write.esTask ? { alias: write.alias, es_task: write.esTask } : { alias: write.alias })
}

export function decodeTaskId(id: string | undefined): PendingWrite | undefined {
  if (!id) {
    return undefined
  }
  try {
    const parsed = JSON.parse(id)
    return typeof parsed?.alias === "string"
      ? { alias: parsed.alias, esTask: typeof parsed.es_task === "string" ? parsed.es_task : undefined }
      : undefined
  } catch {
    return undefined
  }
}
