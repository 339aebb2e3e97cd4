/**
 * The catalog cache's Express middlewares, thin on purpose: the cache itself (stores, keys, the read model's
 * documents, fast paths, prebuild, invalidation, settings) is in src/lib/catalog-cache/, and its README shows the
 * path of a request through these middlewares and what invalidates what.
 */
export { catalogCache } from "./url-cache"
export { productListReadModel } from "./product-list-read-model"
export { storeCategoryFilter } from "./store-category-filter"
export { invalidateCatalogAfterWrite, invalidateStockAfterCheckout } from "./write-invalidation"
