import { integrationSuites } from "../helpers/test-runner"
import { searchStoreSuite } from "./suites/search-store"
import { searchAdminSuite } from "./suites/search-admin"
import { searchSyncSuite } from "./suites/search-sync"

jest.setTimeout(180_000)

/** Product search (issue 3): the store endpoint, the admin settings and insights, and the index kept in sync. */
integrationSuites({
  "POST /store/search": searchStoreSuite,
  "search settings in the admin API": searchAdminSuite,
  "the index follows catalog changes": searchSyncSuite,
})
