import { integrationSuites } from "../helpers/test-runner"
import { catalogCacheSuite } from "./suites/catalog-cache"
import { catalogCacheInvalidationSuite } from "./suites/catalog-cache-invalidation"

jest.setTimeout(120_000)

/**
 * The catalog response cache and the product-list read model: identical answers, private data kept private, exact
 * invalidation.
 */
integrationSuites(
  {
    "what is cached and how it is keyed": catalogCacheSuite,
    "invalidation by every kind of change": catalogCacheInvalidationSuite,
  },
  { TIENDA_CATALOG_CACHE: "on" }
)
