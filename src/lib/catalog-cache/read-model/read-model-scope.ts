/**
 * Which product-list URLs the read model answers. Pure (unit-tested).
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
