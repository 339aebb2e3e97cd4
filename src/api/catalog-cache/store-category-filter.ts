import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/**
 * Store product lists filter by category only through categories a storefront may see. Medusa's store route means
 * to: its middlewares add `is_internal: false, is_active: true` to the `category_id` filter. In Medusa 2.21.2 that
 * code never runs — the query validator has already turned `category_id` into `categories: { id }`, and the
 * default-filter function looks for `category_id` — so `?category_id=<an internal category>` lists that category's
 * products (measured against the route in the catalog-cache integration suite). This applies the rule Medusa's code
 * states, after Medusa's own middlewares of the route, to every `categories` filter (inside `$and`/`$or` too). The
 * fast path's SQL (product-selection.ts) applies the same rule.
 */
export function storeCategoryFilter(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction): void {
  const filters = (req as { filterableFields?: Record<string, unknown> }).filterableFields
  if (filters) {
    onlyStoreCategories(filters)
  }
  next()
}

/** Adds `is_internal: false, is_active: true` to each `categories` filter of a product filter object. */
export function onlyStoreCategories(filters: Record<string, unknown>): void {
  const categories = filters.categories
  if (categories && typeof categories === "object" && !Array.isArray(categories)) {
    filters.categories = { ...categories, is_internal: false, is_active: true }
  }
  for (const operator of ["$and", "$or"]) {
    const branches = filters[operator]
    if (Array.isArray(branches)) {
      for (const branch of branches) {
        if (branch && typeof branch === "object") {
          onlyStoreCategories(branch as Record<string, unknown>)
        }
      }
    }
  }
}
