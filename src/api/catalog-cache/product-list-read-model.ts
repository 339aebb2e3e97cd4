import { readModelDocumentsRendered } from "../../lib/metrics"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, FeatureFlag } from "@medusajs/framework/utils"
import { documentGeneration } from "../../lib/catalog-cache/cache-key"
import { logCatalogCache } from "../../lib/catalog-cache/log"
import { noteRenderingContext } from "../../lib/catalog-cache/prebuild/prebuild"
import { listAnswer, packDocument, unpackDocument } from "../../lib/catalog-cache/read-model/document-format"
import { documentKeys } from "../../lib/catalog-cache/read-model/document-keys"
import { readModelApplies } from "../../lib/catalog-cache/read-model/read-model-scope"
import { rememberContextOf } from "../../lib/catalog-cache/read-model/rendering-contexts"
import { renderingKey, type ProductListRequest } from "../../lib/catalog-cache/read-model/rendering-key"
import { catalogCacheSettings } from "../../lib/catalog-cache/settings"
import { catalogCacheStore, productDocumentStore } from "../../lib/catalog-cache/stores/process-stores"
import { exchangeOf, sendJsonBytes } from "./exchange-of"

/**
 * The read model of product lists (`GET /store/products`, see src/lib/catalog-cache/README.md): a page is its
 * product ids, which one cheap query finds, plus one stored JSON document per product. Runs after Medusa's own
 * middlewares of the route (validation, sales channels, default filters, pricing and tax context), so the ids come
 * from Medusa's own filters, order and pagination. A document Medusa has not rendered yet is rendered by Medusa's
 * own handler, in the same request, with the filters narrowed to the missing ids. Requests with a parameter it does
 * not know, a session cookie, or Medusa's index engine on, are Medusa's alone. Off with TIENDA_READ_MODEL=off.
 */
export async function productListReadModel(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
): Promise<void> {
  const request = req as ProductListRequest
  const applies = !req.headers.cookie && readModelApplies(req.originalUrl)
  if (!catalogCacheSettings().readModel.enabled || !applies || FeatureFlag.isFeatureEnabled("index_engine")) {
    return next()
  }
  const exchange = exchangeOf(res)
  const store = productDocumentStore()
  let ids: string[]
  let page: { count: number; skip: unknown; take: unknown }
  let keys: string[]
  let documents: Array<string | undefined>
  let generation: string
  try {
    // The generations the URL cache read before Medusa's middlewares built the pricing and tax context: a change
    // in between makes this key stale at once instead of filing the old context under the new generation.
    const generations = exchange.generations ?? (await catalogCacheStore().generations())
    generation = documentGeneration(req.originalUrl, generations)
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    // The page itself: Medusa's filters, order and pagination, ids only (no prices, no hydration of relations).
    const { data, metadata } = await query.graph(
      {
        entity: "product",
        fields: ["id"],
        filters: structuredClone(request.filterableFields),
        pagination: structuredClone(request.queryConfig.pagination),
      },
      { locale: request.locale }
    )
    ids = (data as Array<{ id: string }>).map((product) => product.id)
    page = { count: Number(metadata?.count ?? 0), skip: metadata?.skip, take: metadata?.take }
    const rendering = renderingKey(request, generation)
    rememberContextOf(request, generation, rendering)
    keys = await documentKeys(req.originalUrl, rendering, ids)
    documents = (await store.getMany(keys)).map((packed) => (packed === undefined ? undefined : unpackDocument(packed)))
  } catch (error) {
    logCatalogCache("warn", "read model: answering through Medusa", error)
    return next()
  }
  noteRenderingContext(req, generation)
  const missing = ids.filter((_, index) => documents[index] === undefined)
  res.setHeader("X-Tienda-Read-Model", missing.length ? `rendered ${missing.length}/${ids.length}` : "hit")
  readModelDocumentsRendered.inc(missing.length)
  if (!missing.length) {
    const answer = Buffer.from(listAnswer(documents as string[], page.count, page.skip, page.take))
    exchange.answeredHere(answer)
    return sendJsonBytes(res, answer)
  }

  // Medusa's handler renders the missing products: the same request, narrowed to their ids.
  request.filterableFields = { id: missing }
  request.queryConfig.pagination = { skip: 0, take: missing.length }
  exchange.assembleWith((body) => {
    const products = (body as { products?: Array<{ id: string }> })?.products
    if (!Array.isArray(products)) {
      return undefined
    }
    const rendered = new Map(products.map((product) => [product.id, JSON.stringify(product)]))
    const fresh: Array<[string, Buffer]> = []
    ids.forEach((id, index) => {
      const document = rendered.get(id)
      if (documents[index] === undefined && document !== undefined) {
        documents[index] = document
        fresh.push([keys[index], packDocument(document)])
      }
    })
    store.setMany(fresh).catch((error) => logCatalogCache("warn", "read model: storing documents failed", error))
    // A product deleted between the two queries is left out, as Medusa's own count/list race would.
    const found = documents.filter((document): document is string => document !== undefined)
    return Buffer.from(listAnswer(found, page.count, page.skip, page.take))
  })
  next()
}
