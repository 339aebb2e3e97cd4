import type { Logger } from "@medusajs/framework/types"
import { backoffDelay } from "../../utils/backoff"
import { chunkEntries, readBulkFailures, type BulkEntry, type BulkItemFailure } from "../../utils/bulk"
import type { ResolvedElasticsearchOptions } from "../../utils/options"
import { SearchUnavailableError, type ElasticsearchClient } from "./client"

/** Elasticsearch's default http.max_content_length is 100 MB; 5 MB chunks stay far below it and index well. */
const MAX_CHUNK_BYTES = 5 * 1024 * 1024

export type Sleep = (ms: number) => Promise<void>

/**
 * Sends bulk entries in chunks. A chunk answered 429 or 502–504, or not answered in time, is sent again after a
 * backoff; so are the items a node rejected with 429 (its write queue was full), and only those. Indexing by id
 * is idempotent, so repeating a chunk whose answer was lost cannot duplicate anything. Once the retries are spent
 * the error is thrown (a 429 keeps `status: 429`, so the Search Module's own seeding retry backs off further);
 * items Elasticsearch refused for good are returned.
 */
export class BulkWriter {
  constructor(
    private readonly client: ElasticsearchClient,
    private readonly options: Pick<ResolvedElasticsearchOptions, "bulkChunkSize" | "bulkMaxRetries" | "bulkBackoffMs">,
    private readonly logger?: Logger,
    private readonly sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
  ) {}

  async write(entries: BulkEntry[]): Promise<BulkItemFailure[]> {
    const failed: BulkItemFailure[] = []
    for (const chunk of chunkEntries(entries, this.options.bulkChunkSize, MAX_CHUNK_BYTES)) {
      failed.push(...(await this.writeChunk(chunk)))
    }
    return failed
  }

  private async writeChunk(chunk: BulkEntry[]): Promise<BulkItemFailure[]> {
    let pending = chunk
    const refused: BulkItemFailure[] = []
    for (let attempt = 0; ; attempt++) {
      let retryAfter: number | undefined
      let reason: string
      try {
        const response = await this.client.bulk(pending.flatMap((entry) => entry.lines))
        const { retryable, failed } = readBulkFailures(response)
        refused.push(...failed)
        if (!retryable.length) {
          return refused
        }
        if (attempt >= this.options.bulkMaxRetries) {
          // Still overloaded: fail the whole write as rate limited, so the caller's own backoff (the Search
          // Module's, when seeding) sends it again later.
          throw new SearchUnavailableError(
            `Elasticsearch kept rejecting ${retryable.length} of ${chunk.length} document(s) (${retryable[0].type ?? retryable[0].status}) after ${attempt} retries`,
            true,
            retryable.some((failure) => failure.status === 429) ? 429 : retryable[0].status
          )
        }
        // Only the rejected items are sent again.
        const again = new Set(retryable.map((failure) => failure.id))
        pending = pending.filter((entry) => again.has(entry.id))
        reason = `${retryable.length} item(s) rejected with ${retryable[0].status}`
      } catch (error) {
        if (!(error instanceof SearchUnavailableError) || !error.retryable || attempt >= this.options.bulkMaxRetries) {
          throw error
        }
        retryAfter = error.retry_after
        reason = error.message
      }
      const delay = backoffDelay(attempt, this.options.bulkBackoffMs, retryAfter)
      this.logger?.warn(
        `[search-elasticsearch] bulk write of ${pending.length} item(s): ${reason}; retry ${attempt + 1}/${this.options.bulkMaxRetries} in ${delay} ms`
      )
      await this.sleep(delay)
    }
  }
}
