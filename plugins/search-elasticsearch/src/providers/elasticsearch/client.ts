import { Client, errors } from "@elastic/elasticsearch"
import { MedusaError } from "@medusajs/framework/utils"
import { SEARCH_UNAVAILABLE_CODE } from "../../utils/constants"
import { parseRetryAfter } from "../../utils/backoff"
import type { ResolvedElasticsearchOptions } from "../../utils/options"

const CONNECTION_TIMEOUT_MARGIN_MS = 5_000

/**
 * A failure of the search engine itself (unreachable, too slow, overloaded, refusing our credentials). Its
 * `code` is SEARCH_UNAVAILABLE_CODE, which the app answers with 503; `status` 429 with `retry_after` (ms) lets
 * the Search Module's own rate-limit retry back a seed off.
 */
export class SearchUnavailableError extends MedusaError {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    readonly retry_after?: number
  ) {
    super(MedusaError.Types.UNEXPECTED_STATE, `Search is unavailable: ${message}`, SEARCH_UNAVAILABLE_CODE)
  }
}

export interface EsSearchResponse {
  took?: number
  hits?: { total?: number | { value: number }; hits?: Record<string, any>[] }
  aggregations?: Record<string, any>
}

/**
 * The Elasticsearch calls the provider makes, through the official client, and the one place where the client's
 * errors become MedusaErrors. The client never retries on its own (`maxRetries: 0`): a storefront search fails
 * within one request timeout, and writes are retried by the bulk writer, which knows what is safe to repeat.
 */
export class ElasticsearchClient {
  private readonly client: Client
  private readonly writeTimeoutMs: number

  constructor(private readonly options: ResolvedElasticsearchOptions) {
    this.writeTimeoutMs = Math.max(options.requestTimeoutMs, options.writeTimeoutMs)
    this.client = new Client({
      nodes: options.nodes,
      maxRetries: 0,
      // The connection's own timeout caps every request (undici cannot extend it per request) and is coarse, so it
      // sits above every timeout used here; each call passes its own (reads requestTimeoutMs, writes writeTimeoutMs),
      // which the transport enforces with a timer of its own.
      requestTimeout: this.writeTimeoutMs + CONNECTION_TIMEOUT_MARGIN_MS,
      ...(options.apiKey ? { auth: { apiKey: options.apiKey } } : {}),
      ...(options.username ? { auth: { username: options.username, password: options.password! } } : {}),
      ...(options.caCertificate ? { tls: { ca: options.caCertificate } } : {}),
      name: "tienda-search",
    })
  }

  async close(): Promise<void> {
    await this.client.close()
  }

  /** Concrete indexes behind an alias; none when the alias does not exist. */
  async aliasTargets(alias: string): Promise<string[]> {
    const response = await this.call(
      `GET /_alias/${alias}`,
      () => this.client.indices.getAlias({ name: alias }, { ignore: [404], requestTimeout: this.writeTimeoutMs }),
      this.writeTimeoutMs
    )
    return Object.keys(response ?? {}).filter((index) => (response as Record<string, any>)[index]?.aliases?.[alias])
  }

  async indexExists(index: string): Promise<boolean> {
    return this.call(
      `HEAD /${index}`,
      () => this.client.indices.exists({ index }, { requestTimeout: this.writeTimeoutMs }),
      this.writeTimeoutMs
    )
  }

  async createIndex(
    index: string,
    body: { settings: Record<string, unknown>; mappings: Record<string, unknown> }
  ): Promise<void> {
    await this.call(
      `PUT /${index}`,
      () =>
        this.client.indices.create({ index, settings: body.settings, mappings: body.mappings } as any, {
          requestTimeout: this.writeTimeoutMs,
        }),
      this.writeTimeoutMs
    )
  }

  /** One atomic `_aliases` call: readers see the old generation or the new one, never neither. */
  async updateAliases(actions: Record<string, unknown>[]): Promise<void> {
    await this.call(
      "POST /_aliases",
      () => this.client.indices.updateAliases({ actions } as any, { requestTimeout: this.writeTimeoutMs }),
      this.writeTimeoutMs
    )
  }

  async deleteIndices(indices: string[]): Promise<void> {
    if (!indices.length) {
      return
    }
    await this.call(
      `DELETE /${indices.join(",")}`,
      () => this.client.indices.delete({ index: indices }, { ignore: [404], requestTimeout: this.writeTimeoutMs }),
      this.writeTimeoutMs
    )
  }

  /** The `_meta` of a concrete index's mapping. */
  async mappingMeta(index: string): Promise<Record<string, any> | undefined> {
    const response = await this.call(`GET /${index}/_mapping`, () =>
      this.client.indices.getMapping({ index }, { requestTimeout: this.options.requestTimeoutMs })
    )
    const first = Object.values(response as Record<string, any>)[0]
    return first?.mappings?._meta
  }

  /** Every alias under the prefix with the concrete indexes behind it. */
  async aliasesUnder(prefix: string): Promise<Record<string, string[]>> {
    const response = await this.call(`GET /_alias/${prefix}*`, () =>
      this.client.indices.getAlias(
        { name: `${prefix}*` },
        { ignore: [404], requestTimeout: this.options.requestTimeoutMs }
      )
    )
    const byAlias: Record<string, string[]> = {}
    for (const [index, entry] of Object.entries((response ?? {}) as Record<string, any>)) {
      for (const alias of Object.keys(entry?.aliases ?? {})) {
        ;(byAlias[alias] ??= []).push(index)
      }
    }
    return byAlias
  }

  /** Primary document counts and creation times of the concrete indexes under the prefix. */
  async indexStats(prefix: string): Promise<Record<string, { docs: number; createdAt?: Date }>> {
    const rows = await this.call(`GET /_cat/indices/${prefix}*`, () =>
      this.client.cat.indices(
        { index: `${prefix}*`, format: "json", h: ["index", "docs.count", "creation.date"] } as any,
        { requestTimeout: this.options.requestTimeoutMs }
      )
    )
    const stats: Record<string, { docs: number; createdAt?: Date }> = {}
    for (const row of (rows ?? []) as Record<string, string>[]) {
      const created = Number(row["creation.date"])
      stats[row.index] = {
        docs: Number(row["docs.count"] ?? 0) || 0,
        createdAt: Number.isFinite(created) && created > 0 ? new Date(created) : undefined,
      }
    }
    return stats
  }

  /** One `_bulk` request; the answer's items say which entries applied. */
  async bulk(operations: Record<string, unknown>[]): Promise<{ errors?: boolean; items?: Record<string, any>[] }> {
    return this.call(
      "POST /_bulk",
      () => this.client.bulk({ operations } as any, { requestTimeout: this.writeTimeoutMs }),
      this.writeTimeoutMs
    )
  }

  /** Starts a delete by query as a server-side task and returns its id. */
  async deleteByQuery(alias: string, query: Record<string, unknown>): Promise<string> {
    const response = await this.call(
      `POST /${alias}/_delete_by_query`,
      () =>
        this.client.deleteByQuery({ index: alias, query, conflicts: "proceed", wait_for_completion: false } as any, {
          requestTimeout: this.writeTimeoutMs,
        }),
      this.writeTimeoutMs
    )
    return String((response as { task?: string | number }).task)
  }

  /**
   * Waits up to `timeoutMs` for a server-side task, asking Elasticsearch to hold each answer at most half the write
   * timeout (a request cannot outlive it); answers whether it completed and any failure it reported.
   */
  async waitForEsTask(taskId: string, timeoutMs: number): Promise<{ completed: boolean; failure?: string }> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const wait = Math.max(1, Math.min(deadline - Date.now(), Math.floor(this.writeTimeoutMs / 2)))
      const response: Record<string, any> = await this.call(
        `GET /_tasks/${taskId}`,
        () =>
          this.client.tasks
            .get(
              { task_id: taskId, wait_for_completion: true, timeout: `${wait}ms` },
              { requestTimeout: this.writeTimeoutMs }
            )
            // A task still running when the wait ends is answered as an error (timeout_exception, 429 or 500
            // depending on the version), not as `completed: false`: poll again until the deadline.
            .catch((error: unknown) => {
              if (isTaskWaitTimeout(error)) {
                return { completed: false }
              }
              throw error
            }),
        this.writeTimeoutMs
      )
      const failures = response.error ? [response.error] : (response.response?.failures ?? [])
      if (failures.length) {
        return {
          completed: !!response.completed,
          failure: `${failures[0]?.type ?? failures[0]?.cause?.type ?? "failure"}: ${failures[0]?.reason ?? failures[0]?.cause?.reason ?? ""}`,
        }
      }
      if (response.completed || Date.now() >= deadline) {
        return { completed: !!response.completed }
      }
    }
  }

  async refresh(alias: string): Promise<void> {
    await this.call(
      `POST /${alias}/_refresh`,
      () => this.client.indices.refresh({ index: alias }, { requestTimeout: this.writeTimeoutMs }),
      this.writeTimeoutMs
    )
  }

  /**
   * Several searches in one `_msearch` round trip. A search Elasticsearch refused comes back as its error; the
   * caller decides whether one failure fails them all.
   */
  async msearch(searches: { index: string; body: Record<string, unknown> }[]): Promise<(EsSearchResponse | Error)[]> {
    const response: Record<string, any> = await this.call("POST /_msearch", () =>
      this.client.msearch({ searches: searches.flatMap(({ index, body }) => [{ index }, body]) } as any, {
        requestTimeout: this.options.requestTimeoutMs,
      })
    )
    return (response.responses ?? []).map((item: Record<string, any>, i: number) =>
      item.error
        ? toMedusaError(responseErrorLike(item), `search of ${searches[i].index}`, this.options.requestTimeoutMs)
        : (item as EsSearchResponse)
    )
  }

  private async call<T>(what: string, run: () => Promise<T>, timeoutMs = this.options.requestTimeoutMs): Promise<T> {
    try {
      return await run()
    } catch (error) {
      throw toMedusaError(error, what, timeoutMs)
    }
  }
}

function isTaskWaitTimeout(error: unknown): boolean {
  const body = (error as { body?: { error?: { type?: string } } })?.body
  return error instanceof errors.ResponseError && body?.error?.type === "timeout_exception"
}

/** An `_msearch` item's error in the shape of the client's ResponseError, so one mapping serves both. */
function responseErrorLike(item: Record<string, any>): {
  statusCode: number
  body: Record<string, any>
  headers: Record<string, string>
} {
  return { statusCode: Number(item.status ?? 500), body: { error: item.error }, headers: {} }
}

/**
 * What a failed call means for Medusa: an engine that is down, slow, overloaded or refusing our credentials is
 * SearchUnavailableError (503 at the storefront); a missing index is NOT_FOUND (the Search Module then re-reads
 * which version is active and retries); a refused request is INVALID_DATA with Elasticsearch's reason.
 */
export function toMedusaError(error: unknown, what: string, timeoutMs: number): Error {
  if (error instanceof MedusaError) {
    return error
  }
  if (error instanceof errors.TimeoutError) {
    return new SearchUnavailableError(
      `Elasticsearch did not answer within ${timeoutMs} ms (${what}); try again shortly`,
      true
    )
  }
  if (error instanceof errors.ConnectionError || error instanceof errors.NoLivingConnectionsError) {
    return new SearchUnavailableError(`Elasticsearch cannot be reached (${what}); try again shortly`, true)
  }
  if (error instanceof errors.ProductNotSupportedError) {
    return new SearchUnavailableError("the server at ELASTICSEARCH_URL is not Elasticsearch", false)
  }
  const response = readResponseError(error)
  if (!response) {
    return error instanceof Error ? error : new Error(String(error))
  }
  const { status, type, reason, retryAfter } = response
  const detail = `${type ?? `HTTP ${status}`}${reason ? `: ${reason}` : ""}`
  if (status === 429) {
    return new SearchUnavailableError(
      `Elasticsearch is overloaded and rejected the request (${what}, 429); try again shortly`,
      true,
      429,
      retryAfter
    )
  }
  if (status === 401 || status === 403) {
    return new SearchUnavailableError(
      `Elasticsearch refused the provider's credentials (${what}, ${status}); check ELASTICSEARCH_API_KEY or ELASTICSEARCH_USERNAME/PASSWORD`,
      false
    )
  }
  if (status === 404) {
    return new MedusaError(MedusaError.Types.NOT_FOUND, `Elasticsearch has no index for ${what} (${detail})`)
  }
  if (status >= 400 && status < 500) {
    return new MedusaError(MedusaError.Types.INVALID_DATA, `Elasticsearch refused ${what}: ${detail}`)
  }
  return new SearchUnavailableError(
    `Elasticsearch failed (${what}, ${status}: ${type ?? "error"}); try again shortly`,
    status >= 502 && status <= 504
  )
}

function readResponseError(
  error: unknown
): { status: number; type?: string; reason?: string; retryAfter?: number } | undefined {
  const candidate = error as { statusCode?: number; body?: any; headers?: Record<string, any> }
  if (!(error instanceof errors.ResponseError) && typeof candidate?.statusCode !== "number") {
    return undefined
  }
  const body = candidate.body ?? {}
  const cause = typeof body.error === "object" ? (body.error.root_cause?.[0] ?? body.error) : undefined
  return {
    status: Number(candidate.statusCode),
    type: cause?.type,
    reason: cause?.reason ?? (typeof body.error === "string" ? body.error : undefined),
    retryAfter: parseRetryAfter(candidate.headers?.["retry-after"]),
  }
}
