import type { Logger, SearchTypes } from "@medusajs/framework/types"
import { AbstractSearchProviderService, extractPrimaryKeyFilter, MedusaError } from "@medusajs/framework/utils"
import { deleteEntries, describeFailures, indexEntries } from "../../utils/bulk"
import { ELASTICSEARCH_IDENTIFIER } from "../../utils/constants"
import { assertDefinitionSupported } from "../../utils/definition-checks"
import { buildFieldPlan, type FieldPlan } from "../../utils/field-plan"
import { compileFilters } from "../../utils/filters"
import { aliasName } from "../../utils/names"
import {
  resolveElasticsearchOptions,
  type ElasticsearchOptions,
  type ResolvedElasticsearchOptions,
} from "../../utils/options"
import { buildSearchBody, readSearchResult } from "../../utils/search-body"
import { decodeTaskId, encodeTaskId } from "../../utils/task-id"
import { BulkWriter } from "./bulk-writer"
import { ElasticsearchClient } from "./client"
import { IndexGenerations } from "./index-generations"

type InjectedDependencies = { logger: Logger }

const DEFAULT_TASK_TIMEOUT_MS = 60_000

/**
 * Medusa's Search Module on Elasticsearch 8.x/9.x. This class only maps the module's calls onto the pure builders
 * (utils/) and the client; see the README for what each call sends.
 */
export default class ElasticsearchSearchProviderService extends AbstractSearchProviderService {
  static identifier = ELASTICSEARCH_IDENTIFIER

  protected readonly options_: ResolvedElasticsearchOptions
  protected readonly logger_: Logger
  protected readonly client_: ElasticsearchClient
  protected readonly bulk_: BulkWriter
  protected readonly generations_: IndexGenerations
  // Field plans by alias, for deletes by filter (which the module sends without the definition).
  private readonly plans_ = new Map<string, FieldPlan>()

  static validateOptions(options: Record<string, unknown>): void {
    resolveElasticsearchOptions(options)
  }

  constructor({ logger }: InjectedDependencies, options: ElasticsearchOptions) {
    super()
    this.logger_ = logger
    this.options_ = resolveElasticsearchOptions(options)
    this.client_ = new ElasticsearchClient(this.options_)
    this.bulk_ = new BulkWriter(this.client_, this.options_, logger)
    this.generations_ = new IndexGenerations(this.client_, this.options_, logger)
  }

  async upsertIndex({ index }: { index: SearchTypes.ResolvedSearchIndexDefinition }): Promise<SearchTypes.SearchTask> {
    const alias = this.alias(index.physical_name)
    const plan = buildFieldPlan(index)
    assertDefinitionSupported(index, plan)
    if (plan.ignored.length) {
      this.logger_.warn(
        `[search-elasticsearch] No vector search on this provider: ${plan.ignored.map((p) => `"${p}"`).join(", ")} of search index "${index.name}" stay in the documents but are not indexed`
      )
    }
    await this.generations_.replace(alias, {
      physical_name: index.physical_name,
      primary_key: index.primary_key,
      fields: index.fields,
      settings: index.settings ?? {},
      definition_hash: index.definition_hash,
    })
    this.plans_.set(alias, plan)
    return { index: index.physical_name, status: "succeeded" }
  }

  async deleteIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    const alias = this.alias(index)
    await this.generations_.drop(alias)
    this.plans_.delete(alias)
    return { index, status: "succeeded" }
  }

  /** A fresh empty generation with the same definition, swapped in: no delete-by-query over every document. */
  async clearIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    const alias = this.alias(index)
    await this.generations_.replace(alias, await this.generations_.currentMeta(alias))
    return { index, status: "succeeded" }
  }

  async listIndexes(): Promise<SearchTypes.SearchIndexInfo[]> {
    const prefix = this.options_.indexPrefix
    return (await this.generations_.list()).map((info) => ({
      name: info.alias.slice(prefix.length),
      provider: ElasticsearchSearchProviderService.identifier,
      document_count: info.documents,
      ...(info.createdAt ? { created_at: info.createdAt } : {}),
    }))
  }

  async upsertDocuments({
    index,
    definition,
    documents,
  }: {
    index: string
    definition: SearchTypes.ResolvedSearchIndexDefinition
    documents: SearchTypes.SearchDocument[]
  }): Promise<SearchTypes.SearchTask> {
    if (!documents.length) {
      return { index, status: "succeeded" }
    }
    const alias = this.alias(index)
    const failures = await this.bulk_.write(indexEntries(alias, documents, definition.primary_key))
    if (failures.length) {
      return {
        index,
        status: "failed",
        error: { message: describeFailures(failures, documents.length), code: failures[0].type },
      }
    }
    return { id: encodeTaskId({ alias }), index, status: "enqueued" }
  }

  async deleteDocuments({ index, filters }: SearchTypes.SearchDeleteDocumentsInput): Promise<SearchTypes.SearchTask> {
    const alias = this.alias(index)
    const plan = await this.planOfAlias(alias)
    const ids = extractPrimaryKeyFilter(filters, { primary_key: plan.primaryKey })
    if (ids) {
      if (!ids.length) {
        return { index, status: "succeeded" }
      }
      const failures = await this.bulk_.write(deleteEntries(alias, ids))
      if (failures.length) {
        return {
          index,
          status: "failed",
          error: { message: describeFailures(failures, ids.length), code: failures[0].type },
        }
      }
      return { id: encodeTaskId({ alias }), index, status: "enqueued" }
    }
    const query = compileFilters(filters, plan)
    if (!query) {
      // An empty tree would select every document; clearing an index is clearIndex's job.
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Deleting from search index "${index}" needs filters that select documents`
      )
    }
    const esTask = await this.client_.deleteByQuery(alias, query)
    return { id: encodeTaskId({ alias, esTask }), index, status: "enqueued" }
  }

  async search(input: SearchTypes.ProviderSearchQuery): Promise<SearchTypes.SearchResult> {
    const [result] = await this.searchMany([input])
    return result
  }

  /** All queries in one `_msearch` round trip (the module sends one per disjunctive facet too). */
  async searchMany(inputs: SearchTypes.ProviderSearchQuery[]): Promise<SearchTypes.SearchResult[]> {
    if (!inputs.length) {
      return []
    }
    const prepared = inputs.map((input) => {
      const plan = buildFieldPlan(input.index)
      return { plan, search: buildSearchBody(input, plan), alias: this.alias(input.index.physical_name) }
    })
    const started = Date.now()
    const responses = await this.client_.msearch(
      prepared.map(({ alias, search }) => ({ index: alias, body: search.body }))
    )
    const elapsed = Date.now() - started
    return inputs.map((input, i) => {
      const response = responses[i]
      if (!response || response instanceof Error) {
        throw (
          response ??
          new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "Elasticsearch answered fewer searches than it was sent")
        )
      }
      return readSearchResult(response, input, prepared[i].search, prepared[i].plan, elapsed)
    })
  }

  /**
   * Settles a write: waits for a delete-by-query task to finish, then refreshes the index so the write is visible
   * to the next search (Elasticsearch otherwise shows it within its refresh interval, 1 s by default).
   */
  async waitForTask(task: SearchTypes.SearchTask, options?: { timeout_ms?: number }): Promise<SearchTypes.SearchTask> {
    const pending = decodeTaskId(task.id)
    if (!pending) {
      return { ...task, status: task.status === "failed" ? "failed" : "succeeded" }
    }
    if (pending.esTask) {
      const timeout = options?.timeout_ms ?? DEFAULT_TASK_TIMEOUT_MS
      const { completed, failure } = await this.client_.waitForEsTask(pending.esTask, timeout)
      if (!completed || failure) {
        return {
          ...task,
          status: "failed",
          error: {
            message: failure ?? `Elasticsearch task ${pending.esTask} did not finish within ${timeout} ms`,
            code: "task_incomplete",
          },
        }
      }
    }
    await this.client_.refresh(pending.alias)
    return { ...task, status: "succeeded" }
  }

  private alias(physicalName: string): string {
    return aliasName(this.options_.indexPrefix, physicalName)
  }

  private async planOfAlias(alias: string): Promise<FieldPlan> {
    const known = this.plans_.get(alias)
    if (known) {
      return known
    }
    const meta = await this.generations_.currentMeta(alias)
    const plan = buildFieldPlan({ fields: meta.fields, primary_key: meta.primary_key })
    this.plans_.set(alias, plan)
    return plan
  }
}
