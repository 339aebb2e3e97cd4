import { createHash } from "node:crypto"
import { deflateRawSync, inflateRawSync } from "node:zlib"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, FeatureFlag } from "@medusajs/framework/utils"
import { catalogCacheEnabled, sendCatalogAnswer } from "./middleware"
import { documentGeneration, documentKey, showsInventory } from "./cache-key"
import { catalogCacheStore, productDocumentStore, type Generations } from "./store"
import { noteRenderingContext } from "./read-model-prebuild"
import { parseProductListQuery } from "./product-list-query"
import { rememberRenderingContext, renderingContextName } from "./rendering-contexts"

/**
 * The read model of product lists (`GET /store/products`): a page is its product ids, which one cheap query
 * finds, plus one stored JSON document per product. The response cache only knows URLs it has seen; a random page
 * (another offset, filter, order) reuses the documents other pages already rendered.
 *
 * It runs after Medusa's own middlewares of the route (validation, sales channels, default filters, pricing and
 * tax context), so the ids come from Medusa's own filters, order and pagination — only the fields differ. A
 * document Medusa has not rendered yet is rendered by Medusa's own handler, in the same request, with the
 * filters narrowed to the missing ids; so every document has Medusa's exact shape (prices, taxes, stock).
 *
 * A document's key holds everything its content depends on: the fields, the pricing context (region, currency,
 * customer groups), the tax context, the locale, the sales channels, and the catalog generation — any catalog
 * change makes every document stale at once. When the document shows stock, its key also holds the stock epoch and
 * the product's own stock version (see store.ts): an order makes only its products' documents stale. Requests with a parameter it
 * does not know, a session cookie, or Medusa's index engine on, are Medusa's alone. Off with TIENDA_READ_MODEL=off.
 */

/** Parameters that only choose which products, in what order, or how they are rendered (all part of the key). */
const HANDLED_PARAMS = new Set([
  "limit",
  "offset",
  "order",
  "fields",
  "region_id",
  "country_code",
  "province",
  "locale",
  "id",
  "handle",
  "title",
  "category_id",
  "collection_id",
  "tag_id",
  "type_id",
  "sales_channel_id",
  "is_giftcard",
])

/** A parameter's name without its brackets: `category_id[]`, `id[0]` and `created_at[$gte]` are their base names. */
function baseName(name: string): string {
  const bracket = name.indexOf("[")
  return bracket < 0 ? name : name.slice(0, bracket)
}

/**
 * True when the read model can answer this URL: every parameter is one it knows, and no filter also narrows a
 * relation the answer shows (a category filter with categories in the fields: the documents would depend on it).
 */
export function readModelApplies(originalUrl: string): boolean {
  const at = originalUrl.indexOf("?")
  const path = at < 0 ? originalUrl : originalUrl.slice(0, at)
  if (path !== "/store/products") {
    return false
  }
  const params = new URLSearchParams(at < 0 ? "" : originalUrl.slice(at + 1))
  let filtersCategories = false
  let showsCategories = false
  for (const [name, value] of params) {
    const base = baseName(name)
    if (!HANDLED_PARAMS.has(base)) {
      return false
    }
    filtersCategories ||= base === "category_id"
    showsCategories ||= base === "fields" && /categor/i.test(value)
  }
  return !(filtersCategories && showsCategories)
}

export function readModelEnabled(): boolean {
  return process.env.TIENDA_READ_MODEL !== "off" && catalogCacheEnabled()
}

type ProductRequest = MedusaRequest & {
  filterableFields: Record<string, unknown>
  queryConfig: { fields: string[]; pagination: Record<string, unknown> }
  pricingContext?: unknown
  taxContext?: unknown
  locale?: string
  publishable_key_context?: { sales_channel_ids?: string[] }
  validatedQuery?: Record<string, unknown>
}

/** The part of every document key that is the same for all products of this request. */
function renderingKey(req: ProductRequest, generation: string): string {
  const parts = [
    JSON.stringify(req.queryConfig.fields),
    JSON.stringify(req.pricingContext ?? null),
    JSON.stringify(req.taxContext ?? null),
    req.locale ?? "",
    JSON.stringify(req.publishable_key_context?.sales_channel_ids ?? []),
    JSON.stringify(req.validatedQuery?.sales_channel_id ?? null),
    generation,
  ]
  return createHash("sha256").update(parts.join("\n")).digest("base64url")
}

function log(req: MedusaRequest, message: string, error: unknown): void {
  try {
    req.scope.resolve("logger").warn(`product read model: ${message}: ${(error as Error)?.message ?? error}`)
  } catch {
    // No logger in the scope.
  }
}

/** Documents are kept deflated: a sixth of the JSON or less (10,000 products in two regions: ~25 MB, not ~140 MB). */
export function packDocument(json: string): Buffer {
  return deflateRawSync(json, { level: 1 })
}

export function unpackDocument(packed: Buffer): string {
  return unpackDocumentBytes(packed).toString("utf8")
}

/** The document's UTF-8 bytes: what the fast path sends, without a detour through a JS string. */
export function unpackDocumentBytes(packed: Buffer): Buffer {
  return inflateRawSync(packed)
}

/** Medusa's list answer, byte for byte: `{ products, count, offset, limit }`. */
export function listAnswer(documents: string[], count: number, offset: unknown, limit: unknown): string {
  return `{"products":[${documents.join(",")}],${listTail(count, offset, limit)}`
}

/** The same answer as bytes, from documents as bytes (a page of 20 is ~80 KB: no string to build and encode again). */
export function listAnswerBytes(documents: Buffer[], count: number, offset: unknown, limit: unknown): Buffer {
  const parts: Buffer[] = [Buffer.from('{"products":[')]
  documents.forEach((document, index) => parts.push(...(index ? [COMMA, document] : [document])))
  parts.push(Buffer.from(`],${listTail(count, offset, limit)}`))
  return Buffer.concat(parts)
}

const COMMA = Buffer.from(",")

function listTail(count: number, offset: unknown, limit: unknown): string {
  return `"count":${JSON.stringify(count)},"offset":${JSON.stringify(offset)},"limit":${JSON.stringify(limit)}}`
}

/** The document keys of these products in a rendering: with each one's stock version when the URL shows stock. */
export async function documentKeys(originalUrl: string, renderingKey: string, productIds: string[]): Promise<string[]> {
  if (!showsInventory(originalUrl)) {
    return productIds.map((id) => documentKey(renderingKey, id))
  }
  const versions = await catalogCacheStore().productStockVersions(productIds)
  return productIds.map((id, index) => documentKey(renderingKey, id, versions[index]))
}

/** Tells the fast path (product-list-fast-path.ts) which rendering key Medusa's middlewares gave an anonymous context. */
function rememberForFastPath(req: ProductRequest, generation: string, rendering: string): void {
  const publishableKey = req.get("x-publishable-api-key")
  const salesChannelIds = req.publishable_key_context?.sales_channel_ids
  const parsed = parseProductListQuery(req.originalUrl)
  if (parsed && publishableKey && salesChannelIds?.length && !req.headers.authorization && !req.headers["x-medusa-locale"]) {
    rememberRenderingContext(renderingContextName(publishableKey, salesChannelIds, parsed.rendering), generation, rendering)
  }
}

export async function productListReadModel(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): Promise<void> {
  const request = req as ProductRequest
  if (!readModelEnabled() || req.headers.cookie || !readModelApplies(req.originalUrl) || FeatureFlag.isFeatureEnabled("index_engine")) {
    return next()
  }
  const store = productDocumentStore()
  let ids: string[]
  let page: { count: number; skip: unknown; take: unknown }
  let keys: string[]
  let documents: Array<string | undefined>
  let generation: string
  try {
    // The generations the catalog cache read before Medusa's middlewares built the pricing and tax context: a change
    // in between makes this key stale at once instead of filing the old context under the new generation.
    const generations = (res.locals.catalogGenerations as Generations | undefined) ?? (await catalogCacheStore().generations())
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
      { locale: request.locale } as never
    )
    ids = (data as Array<{ id: string }>).map((product) => product.id)
    page = { count: Number(metadata?.count ?? 0), skip: metadata?.skip, take: metadata?.take }
    const rendering = renderingKey(request, generation)
    rememberForFastPath(request, generation, rendering)
    keys = await documentKeys(req.originalUrl, rendering, ids)
    documents = (await store.getMany(keys)).map((packed) => (packed === undefined ? undefined : unpackDocument(packed)))
  } catch (error) {
    log(req, "answering through Medusa", error)
    return next()
  }
  noteRenderingContext(req, generation)
  const missing = ids.filter((_, index) => documents[index] === undefined)
  res.setHeader("X-Tienda-Read-Model", missing.length ? `rendered ${missing.length}/${ids.length}` : "hit")
  if (!missing.length) {
    return sendCatalogAnswer(res, listAnswer(documents as string[], page.count, page.skip, page.take))
  }

  // Medusa's handler renders the missing products: the same request, narrowed to their ids.
  request.filterableFields = { id: missing }
  request.queryConfig.pagination = { skip: 0, take: missing.length }
  const json = res.json.bind(res)
  res.json = (body: { products?: Array<{ id: string }> }) => {
    res.json = json
    if (res.statusCode !== 200 || !Array.isArray(body?.products)) {
      return json(body)
    }
    const rendered = new Map(body.products.map((product) => [product.id, JSON.stringify(product)]))
    const fresh: Array<[string, Buffer]> = []
    ids.forEach((id, index) => {
      const document = rendered.get(id)
      if (documents[index] === undefined && document !== undefined) {
        documents[index] = document
        fresh.push([keys[index], packDocument(document)])
      }
    })
    store.setMany(fresh).catch((error) => log(req, "storing documents failed", error))
    // A product deleted between the two queries is left out, as Medusa's own count/list race would.
    sendCatalogAnswer(res, listAnswer(documents.filter((document): document is string => document !== undefined), page.count, page.skip, page.take))
    return res
  }
  next()
}
