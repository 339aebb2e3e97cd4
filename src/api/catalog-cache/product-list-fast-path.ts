import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { parseProductListQuery } from "./product-list-query"
import { documentKeys, listAnswerBytes, readModelApplies, readModelEnabled, unpackDocumentBytes } from "./product-list-read-model"
import { renderingContextName, renderingKeyOf } from "./rendering-contexts"
import { SelectionMemo, selectionKey, selectionQuery, type SelectionScope } from "./product-selection"
import { productDocumentStore, type Generations } from "./store"
import { documentGeneration } from "./cache-key"

/**
 * The fast path of anonymous product lists (`GET /store/products`, product pages by handle included): answered
 * before Medusa's route middlewares, from three things the server already has —
 * - the page's ids: a slice of its selection's id list (product-selection.ts, one SQL query per selection and
 *   catalog change);
 * - the rendering key Medusa's middlewares gave this context on an earlier request (rendering-contexts.ts);
 * - the product documents the read model stored under that key (product-list-read-model.ts).
 * When any of them is missing (a new context, a product not rendered yet, a parameter it does not parse), the
 * request goes on to Medusa and the read model, which fill them in. Off with TIENDA_READ_MODEL_FAST=off.
 */
const memo = new SelectionMemo(Number(process.env.TIENDA_READ_MODEL_IDS) > 0 ? Number(process.env.TIENDA_READ_MODEL_IDS) : 200_000)

/** Whether the store has more than one sales channel, per catalog generation (Medusa filters by channel only then). */
let channelCount: { generation: number; several: Promise<boolean> } | undefined

type StoreRequest = MedusaRequest & { publishable_key_context?: { sales_channel_ids?: string[] } }

export function fastPathEnabled(): boolean {
  return process.env.TIENDA_READ_MODEL_FAST !== "off" && readModelEnabled()
}

interface Knex {
  raw(sql: string, bindings: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>
}

async function severalChannels(pg: Knex, generation: number): Promise<boolean> {
  if (channelCount?.generation !== generation) {
    const several = pg
      .raw(`SELECT count(*)::int AS n FROM sales_channel WHERE deleted_at IS NULL`, [])
      .then(({ rows }) => Number(rows[0]?.n) > 1)
    channelCount = { generation, several }
    several.catch(() => (channelCount = undefined))
  }
  return channelCount.several
}

/**
 * The answer to an anonymous product list, as Medusa would give it (UTF-8 JSON), or undefined when this path cannot give it
 * (the request then goes to Medusa). `generations` are the catalog cache's, read once by the caller.
 */
export async function fastProductList(req: StoreRequest, generations: Generations): Promise<Buffer | undefined> {
  if (!fastPathEnabled() || req.headers.authorization || req.headers.cookie || req.headers["x-medusa-locale"]) {
    return undefined
  }
  const publishableKey = req.get("x-publishable-api-key")
  const salesChannelIds = req.publishable_key_context?.sales_channel_ids
  const parsed = parseProductListQuery(req.originalUrl)
  if (!publishableKey || !salesChannelIds?.length || !parsed || !readModelApplies(req.originalUrl)) {
    return undefined
  }
  const generation = documentGeneration(req.originalUrl, generations)
  const renderingKey = renderingKeyOf(renderingContextName(publishableKey, salesChannelIds, parsed.rendering), generation)
  if (!renderingKey) {
    return undefined
  }

  const pg = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Knex
  const scope: SelectionScope = { salesChannelIds: (await severalChannels(pg, generations.catalog)) ? salesChannelIds : null }
  const ids = await memo.ids(selectionKey(parsed.selection, scope, generations.catalog), async () => {
    const { sql, bindings } = selectionQuery(parsed.selection, scope)
    const { rows } = await pg.raw(sql, bindings)
    return rows.map((row) => row.id as string)
  })
  const page = ids.slice(parsed.offset, parsed.offset + parsed.limit)
  const packed = await productDocumentStore().getMany(await documentKeys(req.originalUrl, renderingKey, page))
  if (packed.some((document) => document === undefined)) {
    return undefined
  }
  return listAnswerBytes(packed.map((document) => unpackDocumentBytes(document as Buffer)), ids.length, parsed.offset, parsed.limit)
}
