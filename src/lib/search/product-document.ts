/**
 * Turns a product read through `query.graph` (see PRODUCT_GRAPH_FIELDS) into the document the product search index
 * stores. Pure: stock comes in precomputed (see product-stock.ts), so the shape is unit tested without a database.
 */

/** What the index is built from; every path here is read by `toProductDocument`. */
export const PRODUCT_GRAPH_FIELDS = [
  "id",
  "title",
  "subtitle",
  "description",
  "handle",
  "thumbnail",
  "status",
  "created_at",
  "updated_at",
  "type.value",
  "collection.id",
  "collection.title",
  "tags.value",
  "categories.id",
  "categories.name",
  "categories.is_internal",
  "categories.is_active",
  "sales_channels.id",
  "options.title",
  "options.values.value",
  "variants.id",
  "variants.sku",
  "variants.manage_inventory",
  "variants.allow_backorder",
  "variants.options.value",
  "variants.options.option.title",
  "variants.prices.amount",
  "variants.prices.currency_code",
  "variants.prices.rules_count",
  "variants.prices.price_list_id",
]

export interface ProductRow {
  id: string
  title?: string | null
  subtitle?: string | null
  description?: string | null
  handle?: string | null
  thumbnail?: string | null
  status?: string | null
  created_at?: string | Date | null
  type?: { value?: string | null } | null
  collection?: { id?: string | null; title?: string | null } | null
  tags?: { value?: string | null }[] | null
  categories?: CategoryRow[] | null
  sales_channels?: { id?: string | null }[] | null
  options?: { title?: string | null; values?: { value?: string | null }[] | null }[] | null
  variants?: VariantRow[] | null
}

export interface CategoryRow {
  id?: string | null
  name?: string | null
  is_internal?: boolean | null
  is_active?: boolean | null
}

export interface VariantRow {
  id: string
  sku?: string | null
  manage_inventory?: boolean | null
  allow_backorder?: boolean | null
  options?: { value?: string | null; option?: { title?: string | null } | null }[] | null
  prices?:
    | {
        amount?: number | string | null
        currency_code?: string | null
        rules_count?: number | null
        price_list_id?: string | null
      }[]
    | null
}

export interface ProductDocument {
  id: string
  title: string
  subtitle: string | null
  description: string | null
  handle: string | null
  thumbnail: string | null
  status: string
  created_at: string | null
  type: string | null
  collection_id: string | null
  collection: string | null
  tags: string[]
  category_ids: string[]
  categories: string[]
  skus: string[]
  option_values: string[]
  options: string[]
  prices: Record<string, number>
  sales_channel_ids: string[]
  in_stock_sales_channel_ids: string[]
  keywords: string
}

const present = <T>(values: (T | null | undefined)[]): T[] =>
  values.filter((v): v is T => v !== null && v !== undefined && v !== "")
const unique = <T>(values: T[]): T[] => [...new Set(values)]

/**
 * "Color: Black" for every option value a variant carries; the key filters and facets use, so a storefront can
 * tell a colour "Navy" from a size, and split on the first ": " to show it.
 */
export function optionPair(title: string, value: string): string {
  return `${title}: ${value}`
}

/** Lowest base price per currency (no price-list or rule-bound prices), in major units as Medusa stores them. */
export function lowestPrices(variants: VariantRow[]): Record<string, number> {
  const lowest: Record<string, number> = {}
  for (const price of variants.flatMap((variant) => variant.prices ?? [])) {
    if (!price.currency_code || price.price_list_id || Number(price.rules_count ?? 0) > 0) {
      continue
    }
    const amount = Number(price.amount)
    const currency = price.currency_code.toLowerCase()
    if (Number.isFinite(amount) && (lowest[currency] === undefined || amount < lowest[currency])) {
      lowest[currency] = amount
    }
  }
  return lowest
}

/**
 * Hyphenated and spaced compounds written as one word ("T-Shirt" → "tshirt"), so the PostgreSQL provider's trigram
 * typo matching finds "tshrit": its word similarity to "t shirt" is too low, to "tshirt" it is not.
 */
export function compactForms(texts: (string | null | undefined)[]): string[] {
  const forms: string[] = []
  for (const text of present(texts)) {
    for (const compound of text.toLowerCase().match(/[\p{L}\p{N}]+(?:[-‐'’][\p{L}\p{N}]+)+/gu) ?? []) {
      forms.push(compound.replace(/[-‐'’]/g, ""))
    }
  }
  return unique(forms)
}

/**
 * The categories a storefront may see: Medusa's store API lists only categories that are neither internal nor
 * inactive (and filters products only through those), so the index names no others — in its documents, facets,
 * filters or searchable text. A row without the flags (not read) counts as hidden.
 */
export function storeCategories(categories: CategoryRow[]): CategoryRow[] {
  return categories.filter((category) => category.is_internal === false && category.is_active === true)
}

export function toProductDocument(row: ProductRow, inStockSalesChannelIds: string[]): ProductDocument {
  const variants = row.variants ?? []
  const optionPairs = variants.flatMap((variant) =>
    (variant.options ?? []).map((option) =>
      option.option?.title && option.value ? optionPair(option.option.title, option.value) : null
    )
  )
  const optionValues = [
    ...(row.options ?? []).flatMap((option) => (option.values ?? []).map((value) => value.value)),
    ...variants.flatMap((variant) => (variant.options ?? []).map((option) => option.value)),
  ]
  const type = row.type?.value ?? null
  const tags = unique(present((row.tags ?? []).map((tag) => tag.value)))
  const visibleCategories = storeCategories(row.categories ?? [])
  const categories = unique(present(visibleCategories.map((category) => category.name)))
  return {
    id: row.id,
    title: row.title ?? "",
    subtitle: row.subtitle ?? null,
    description: row.description ?? null,
    handle: row.handle ?? null,
    thumbnail: row.thumbnail ?? null,
    status: row.status ?? "draft",
    created_at: row.created_at ? new Date(row.created_at).toISOString() : null,
    type,
    collection_id: row.collection?.id ?? null,
    collection: row.collection?.title ?? null,
    tags,
    category_ids: unique(present(visibleCategories.map((category) => category.id))),
    categories,
    skus: unique(present(variants.map((variant) => variant.sku))),
    option_values: unique(present(optionValues)),
    options: unique(present(optionPairs)),
    prices: lowestPrices(variants),
    sales_channel_ids: unique(present((row.sales_channels ?? []).map((channel) => channel.id))),
    in_stock_sales_channel_ids: unique(inStockSalesChannelIds),
    keywords: compactForms([row.title, row.subtitle, type, ...tags, ...categories]).join(" "),
  }
}
