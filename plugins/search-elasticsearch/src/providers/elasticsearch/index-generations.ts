import type { Logger } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { META_KEY } from "../../utils/constants"
import { buildIndexBody, type IndexBodyOptions, type IndexMeta } from "../../utils/index-body"
import { aliasOfGeneration, generationName } from "../../utils/names"
import type { ElasticsearchClient } from "./client"

export interface GenerationInfo {
  alias: string
  documents: number
  createdAt?: Date
}

/**
 * Each of the Search Module's physical indexes is an alias in front of one concrete index, a generation. A rebuild
 * (`upsertIndex`) or a clear creates the next generation, points the alias at it in one atomic `_aliases` call and
 * only then deletes the previous one: a reader or writer never meets a missing or half-created index.
 */
export class IndexGenerations {
  constructor(
    private readonly client: ElasticsearchClient,
    private readonly options: IndexBodyOptions & { indexPrefix: string },
    private readonly logger?: Logger,
    private readonly now: () => number = Date.now
  ) {}

  /** A new, empty generation built from `meta`, swapped in for the current one. */
  async replace(alias: string, meta: IndexMeta): Promise<string> {
    const current = await this.client.aliasTargets(alias)
    if (!current.length && (await this.client.indexExists(alias))) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Elasticsearch already has an index named "${alias}" that this provider did not create; delete it or choose another indexPrefix`
      )
    }
    let next = generationName(alias, this.now())
    for (let bump = 1; current.includes(next); bump++) {
      next = generationName(alias, this.now() + bump)
    }
    await this.client.createIndex(next, buildIndexBody(meta, this.options))
    try {
      await this.client.updateAliases([
        ...current.map((index) => ({ remove: { index, alias } })),
        { add: { index: next, alias, is_write_index: true } },
      ])
    } catch (error) {
      await this.client.deleteIndices([next]).catch(() => undefined)
      throw error
    }
    try {
      await this.client.deleteIndices(current)
    } catch (error) {
      // The swap happened; an old generation left behind holds no alias and is only wasted space.
      this.logger?.warn(
        `[search-elasticsearch] could not delete the previous generation(s) ${current.join(", ")} of "${alias}": ${(error as Error).message}`
      )
    }
    return next
  }

  /** The definition the current generation was built from. */
  async currentMeta(alias: string): Promise<IndexMeta> {
    const [current] = await this.client.aliasTargets(alias)
    if (!current) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Elasticsearch has no search index "${alias}"`)
    }
    const meta = (await this.client.mappingMeta(current))?.[META_KEY]
    if (!meta?.fields) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `Elasticsearch index "${current}" carries no search definition in its mapping; rebuild it with a reindex`
      )
    }
    return meta as IndexMeta
  }

  async drop(alias: string): Promise<void> {
    await this.client.deleteIndices(await this.client.aliasTargets(alias))
  }

  /** Every alias this provider manages under the prefix, with its document count. */
  async list(): Promise<GenerationInfo[]> {
    const [aliases, stats] = await Promise.all([
      this.client.aliasesUnder(this.options.indexPrefix),
      this.client.indexStats(this.options.indexPrefix),
    ])
    const result: GenerationInfo[] = []
    for (const [alias, indices] of Object.entries(aliases).sort(([a], [b]) => a.localeCompare(b))) {
      const generations = indices.filter((index) => aliasOfGeneration(index) === alias)
      if (!generations.length) {
        continue
      }
      result.push({
        alias,
        documents: generations.reduce((sum, index) => sum + (stats[index]?.docs ?? 0), 0),
        createdAt: stats[generations[0]]?.createdAt,
      })
    }
    return result
  }
}
