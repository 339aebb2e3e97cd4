import { integrationTestRunner } from "../helpers/test-runner"
import { seedDemoStore } from "../../src/scripts/seed"
import { createAdmin } from "../helpers/admin"
import { searchStoreSuite } from "./suites/search-store"
import { searchAdminSuite } from "./suites/search-admin"
import { searchSyncSuite } from "./suites/search-sync"

jest.setTimeout(180_000)

/**
 * Product search (issue 3): the store endpoint, the admin settings and insights, and the index kept in sync.
 * They share one app boot (~20 s of a worker each): everything they need in the database is made here, before the
 * runner snapshots it at the first test; every test then starts from that snapshot, as in a file of its own.
 */
integrationTestRunner({
  template: "seeded",
  inApp: true,
  env: {},
  testSuite: (runner) => {
    beforeAll(async () => {
      await seedDemoStore(runner.getContainer())
      await createAdmin(runner.getContainer())
    })

    describe("POST /store/search", () => searchStoreSuite(runner))
    describe("search settings in the admin API", () => searchAdminSuite(runner))
    describe("the index follows catalog changes", () => searchSyncSuite(runner))
  },
})
