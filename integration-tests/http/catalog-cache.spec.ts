import { integrationTestRunner } from "../helpers/test-runner"
import { seedDemoStore } from "../../src/scripts/seed"
import { createAdmin } from "../helpers/admin"
import { catalogCacheSuite } from "./suites/catalog-cache"
import { catalogCacheInvalidationSuite } from "./suites/catalog-cache-invalidation"

jest.setTimeout(120_000)

/**
 * The catalog response cache and the product-list read model: identical answers, private data kept private, exact invalidation.
 * They share one app boot (~20 s of a worker each): everything they need in the database is made here, before the
 * runner snapshots it at the first test; every test then starts from that snapshot, as in a file of its own.
 */
integrationTestRunner({
  template: "seeded",
  inApp: true,
  env: { TIENDA_CATALOG_CACHE: "on" },
  testSuite: (runner) => {
    beforeAll(async () => {
      await seedDemoStore(runner.getContainer())
      await createAdmin(runner.getContainer())
    })

    describe("what is cached and how it is keyed", () => catalogCacheSuite(runner))
    describe("invalidation by every kind of change", () => catalogCacheInvalidationSuite(runner))
  },
})
