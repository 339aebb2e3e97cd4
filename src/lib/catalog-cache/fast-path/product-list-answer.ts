import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { documentGeneration } from "../cache-key"
import { catalogCacheSettings } from "../settings"
import { listAnswerBytes, unpackDocumentBytes } from "../read-model/document-format"
import { documentKeys } from "../read-model/document-keys"
import { readModelApplies } from "../read-model/read-model-scope"
import { renderingContextName, renderingKeyOf } from "../read-model/rendering-contexts"
import { productDocumentStore } from "../stores/process-stores"
import type { Generations } from "../stores/store-types"
import { parseProductListQuery } from "./product-list-query"
import { SelectionMemo, selectionKey, selectionQuery, type SelectionScope } from "./product-selection"
import { severalChannels, type Knex } from "./sales-channels"

/**
 * The fast path of anonymous product lists (`GET /store/products`, product pages by handle included): answered
 * before Medusa's route middlewares, from three things the server already has —
 * - the page's ids: a slice of its selection's id list (product-selection.ts, one SQL query per selection and
 *   catalog change);
 * - the rendering key Medusa's middlewares gave this context on an earlier request (rendering-contexts.ts);
 * - the product documents the read model stored under that key.
 * When any of them is missing (a new context, a product not rendered yet, a parameter it does not parse), the
 * request goes on to Medusa and the read model, which fill them in. Off with TIENDA_READ_MODEL_FAST=off.
 */
let memo: SelectionMemo | undefined

export type StoreRequest = MedusaRequest & { publishable_key_context?: { sales_channel_ids?: string[] } }

/** True when the request may take a fast path: on, and anonymous (no token, cookie or locale header). */
export function fastPathApplies(req: StoreRequest): boolean {
  const { authorization, cookie } = req.headers
  return catalogCacheSettings().readModel.fastPath && !authorization && !cookie && !req.headers["x-medusa-locale"]
}

/**
 * The answer to an anonymous product list, as Medusa would give it (UTF-8 JSON), or undefined when this path cannot
 * give it (the request then goes to Medusa). `generations` are the catalog cache's, read once by the caller.
 */
export async function fastProductList(req: StoreRequest, generations: Generations): Promise<Buffer | undefined> {
  if (!fastPathApplies(req)) {
    return undefined
  }
  const publishableKey = req.get("x-publishable-api-key")
  const salesChannelIds = req.publishable_key_context?.sales_channel_ids
  const parsed = parseProductListQuery(req.originalUrl)
  if (!publishableKey || !salesChannelIds?.length || !parsed || !readModelApplies(req.originalUrl)) {
    return undefined
  }
  const generation = documentGeneration(req.originalUrl, generations)
  const context = renderingContextName(publishableKey, salesChannelIds, parsed.rendering)
  const renderingKey = renderingKeyOf(context, generation)
  if (!renderingKey) {
    return undefined
  }

  const pg = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Knex
  const several = await severalChannels(pg, generations.catalog)
  const scope: SelectionScope = { salesChannelIds: several ? salesChannelIds : null }
  memo ??= new SelectionMemo(catalogCacheSettings().readModel.maxIds)
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
  const documents = packed.map((document) => unpackDocumentBytes(document as Buffer))
  return listAnswerBytes(documents, ids.length, parsed.offset, parsed.limit)
}
