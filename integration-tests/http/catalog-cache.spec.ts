import { integrationSuites } from "../helpers/test-runner"
import { catalogCacheSuite } from "./suites/catalog-cache"
import { catalogCacheInvalidationSuite } from "./suites/catalog-cache-invalidation"
import { httpCachingSuite } from "./suites/http-caching"

jest.setTimeout(120_000)

/**
 * The catalog response cache and the product-list read model: identical answers, private data kept private, exact
 * invalidation; and what browsers and CDNs may keep of the catalog.
 */
integrationSuites(
  {
    "what is cached and how it is keyed": catalogCacheSuite,
    "invalidation by every kind of change": catalogCacheInvalidationSuite,
    "HTTP caching: ETags, 304, public and private answers": httpCachingSuite,
  },
  { TIENDA_CATALOG_CACHE: "on" }
)
