import { AbstractSearchProviderService, MedusaError } from "@medusajs/framework/utils"
import type { SearchTypes } from "@medusajs/framework/types"
import { matchesFilters, matchesText } from "./utils/match-filters"

type Index = Map<string, SearchTypes.SearchDocument>

/**
 * An in-memory search engine: indexes live in this process and are rebuilt by the Search Module at boot, so it
 * suits development and tests of one server process. To use a real engine, put its API in a `client.ts` and call
 * it from these methods; keep refusing what the engine cannot do.
 */
export class AcmeSearchProviderService extends AbstractSearchProviderService {
  static identifier = "acme"

  protected readonly indexes = new Map<string, Index>()

  async upsertIndex({ index }: { index: SearchTypes.ResolvedSearchIndexDefinition }): Promise<SearchTypes.SearchTask> {
    if (!this.indexes.has(index.physical_name)) {
      this.indexes.set(index.physical_name, new Map())
    }
    return { index: index.physical_name, status: "succeeded" }
  }

  async deleteIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    this.indexes.delete(index)
    return { index, status: "succeeded" }
  }

  async listIndexes(): Promise<SearchTypes.SearchIndexInfo[]> {
    return [...this.indexes].map(([name, documents]) => ({
      name,
      provider: AcmeSearchProviderService.identifier,
      document_count: documents.size,
    }))
  }

  async upsertDocuments(input: {
    index: string
    definition: SearchTypes.ResolvedSearchIndexDefinition
    documents: SearchTypes.SearchDocument[]
  }): Promise<SearchTypes.SearchTask> {
    const documents = this.index(input.index)
    for (const document of input.documents) {
      documents.set(document.id, document)
    }
    return { index: input.index, status: "succeeded" }
  }

  async deleteDocuments({ index, filters }: SearchTypes.SearchDeleteDocumentsInput): Promise<SearchTypes.SearchTask> {
    const documents = this.index(index)
    for (const [id, document] of documents) {
      if (matchesFilters(document, filters)) {
        documents.delete(id)
      }
    }
    return { index, status: "succeeded" }
  }

  async clearIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    this.index(index).clear()
    return { index, status: "succeeded" }
  }

  async search(input: SearchTypes.ProviderSearchQuery): Promise<SearchTypes.SearchResult> {
    if (input.search_options?.facets?.length) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The acme search provider does not compute facets")
    }
    const skip = input.pagination?.skip ?? 0
    const take = input.pagination?.take ?? 20
    const matches = [...this.index(input.index.physical_name).values()].filter(
      (document) => matchesText(document, input.q) && matchesFilters(document, input.filters)
    )
    return {
      hits: matches
        .slice(skip, skip + take)
        .map((document) => ({ id: document.id, document: project(document, input.attributes_to_retrieve) })),
      metadata: { skip, take, count: matches.length, query: input.q },
    }
  }

  private index(name: string): Index {
    const documents = this.indexes.get(name)
    if (!documents) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `The acme search provider has no index "${name}"`)
    }
    return documents
  }
}

/** Keeps the requested attributes (all of them when none are named). */
function project(document: SearchTypes.SearchDocument, attributes: string[]): Record<string, unknown> {
  if (!attributes?.length) {
    return document
  }
  return Object.fromEntries(attributes.filter((name) => name in document).map((name) => [name, document[name]]))
}
