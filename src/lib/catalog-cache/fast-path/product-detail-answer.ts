import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { Memo } from "../../memo/memo"
import { documentGeneration } from "../cache-key"
import { detailAnswerBytes, unpackDocumentBytes } from "../read-model/document-format"
import { documentKeys } from "../read-model/document-keys"
import { readModelApplies } from "../read-model/read-model-scope"
import { renderingContextName, renderingKeyOf } from "../read-model/rendering-contexts"
import { productDocumentStore } from "../stores/process-stores"
import type { Generations } from "../stores/store-types"
import { fastPathApplies, type StoreRequest } from "./product-list-answer"
import { parseProductListQuery, RENDERING_PARAMS } from "./product-list-query"

/**
 * The fast path of anonymous product pages by id (`GET /store/products/:id`), from the documents the product-list
 * read model keeps (see product-list-answer.ts). Medusa's retrieve route renders a product exactly as its list
 * route does for the same fields and context, with two differences this path reproduces or leaves to Medusa:
 * - it always filters by the publishable key's sales channels (the list route only when the store has several);
 * - it adds `categories.is_internal` to the fields, so the answer carries `categories: [{ "is_internal": … }]`, one
 *   per category, when the fields do not ask for categories, and drops internal categories when they do. Fields
 *   that show categories, and a product in an internal or deleted category, are left to Medusa.
 * Any other parameter (`q`, `category_id`, … filter the one product there) is Medusa's too, and so is everything the
 * list fast path leaves to Medusa (a token, a cookie, a locale, a context Medusa has not worked out yet).
 */
const DETAIL_PATH = /^\/store\/products\/([^/?]+)$/

interface ProductFacts {
  in_channel: boolean
  categories: number
  left_to_medusa: boolean
}

interface Knex {
  raw(sql: string, bindings: unknown[]): Promise<{ rows: ProductFacts[] }>
}

/**
 * What the SQL query below says of a product (null: not published, deleted or unknown), per catalog generation and
 * channels: every change to a product, its channels or its categories moves the generation. 100,000 entries of a
 * few dozen bytes each.
 */
const facts = new Memo<ProductFacts | null>({ maxEntries: 100_000 })

/** What Medusa's ids are made of (`prod_01…`): any other "id" (a NUL byte, quotes, spaces) is Medusa's to answer. */
const PLAIN_ID = /^[A-Za-z0-9_-]{1,100}$/

/** The product id of a `/store/products/:id` URL, or undefined for any other URL and for an id not of Medusa's form. */
export function productIdOf(originalUrl: string): string | undefined {
  const at = originalUrl.indexOf("?")
  const match = DETAIL_PATH.exec(at < 0 ? originalUrl : originalUrl.slice(0, at))
  if (!match) {
    return undefined
  }
  let id: string
  try {
    id = decodeURIComponent(match[1])
  } catch {
    return undefined
  }
  return PLAIN_ID.test(id) ? id : undefined
}

/** The list URL with the same query: the context (fields, region, …) whose documents a product page reuses. */
export function listUrlOf(originalUrl: string): string | undefined {
  const at = originalUrl.indexOf("?")
  const query = at < 0 ? "" : originalUrl.slice(at + 1)
  for (const [name, value] of new URLSearchParams(query)) {
    if (!RENDERING_PARAMS.has(name) || (name === "fields" && /categor/i.test(value))) {
      return undefined
    }
  }
  return `/store/products${at < 0 ? "" : originalUrl.slice(at)}`
}

/**
 * Whether the product is shown in these channels (published, not deleted, linked to one of them), how many
 * categories it has, and whether one of them is internal or deleted.
 */
function productQuery(channels: number): string {
  return `SELECT
    EXISTS (SELECT 1 FROM product_sales_channel psc WHERE psc.product_id = p.id AND psc.deleted_at IS NULL
            AND psc.sales_channel_id IN (${Array(channels).fill("?").join(", ")})) AS in_channel,
    (SELECT count(*) FROM product_category_product pcp WHERE pcp.product_id = p.id)::int AS categories,
    EXISTS (SELECT 1 FROM product_category_product pcp JOIN product_category pc ON pc.id = pcp.product_category_id
            WHERE pcp.product_id = p.id AND (pc.is_internal OR pc.deleted_at IS NOT NULL)) AS left_to_medusa
  FROM product p WHERE p.id = ? AND p.deleted_at IS NULL AND p.status = 'published'`
}

/**
 * The answer to an anonymous product page by id, as Medusa would give it (UTF-8 JSON), or undefined when this path
 * cannot give it (the request then goes to Medusa). `generations` are the catalog cache's, read once by the caller.
 */
export async function fastProductDetail(req: StoreRequest, generations: Generations): Promise<Buffer | undefined> {
  const id = productIdOf(req.originalUrl)
  if (id === undefined || !fastPathApplies(req)) {
    return undefined
  }
  const publishableKey = req.get("x-publishable-api-key")
  const salesChannelIds = req.publishable_key_context?.sales_channel_ids
  const listUrl = listUrlOf(req.originalUrl)
  const parsed = listUrl === undefined ? null : parseProductListQuery(listUrl)
  if (!publishableKey || !salesChannelIds?.length || !listUrl || !parsed || !readModelApplies(listUrl)) {
    return undefined
  }
  const context = renderingContextName(publishableKey, salesChannelIds, parsed.rendering)
  const renderingKey = renderingKeyOf(context, documentGeneration(listUrl, generations))
  if (!renderingKey) {
    return undefined
  }
  const product = await facts.get(`${generations.catalog}\n${salesChannelIds.join(",")}\n${id}`, async () => {
    const pg = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Knex
    const { rows } = await pg.raw(productQuery(salesChannelIds.length), [...salesChannelIds, id])
    return rows[0] ?? null
  })
  if (!product?.in_channel || product.left_to_medusa) {
    return undefined
  }
  const [packed] = await productDocumentStore().getMany(await documentKeys(listUrl, renderingKey, [id]))
  return packed === undefined ? undefined : detailAnswerBytes(unpackDocumentBytes(packed), product.categories)
}
