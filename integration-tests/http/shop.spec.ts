import { integrationSuites } from "../helpers/test-runner"
import { storefrontSuite } from "./suites/storefront"
import { adminSuite } from "./suites/admin"
import { checkoutRaceSuite } from "./suites/checkout-race"
import { searchStoreSuite } from "./suites/search-store"
import { searchAdminSuite } from "./suites/search-admin"
import { searchSyncSuite } from "./suites/search-sync"
import { securityEdgeSuite } from "./suites/security-edge"
import { securityOwnershipSuite } from "./suites/security-ownership"
import { securityFuzzSuite } from "./suites/security-fuzz"

jest.setTimeout(600_000)

// The suites log the same test admin in before most of their 60 tests, within minutes: more than the 20 logins per
// account in 15 minutes a shop allows (read at request time; jest gives each file its own process.env). The
// limits themselves are tested in security-rate-limit.spec.ts.
process.env.TIENDA_RATE_LIMIT_LOGIN_ACCOUNT = "1000/900"

/**
 * The shop over HTTP on the demo store, in its default configuration: what a storefront does (catalog, guest
 * checkout, customer account, product search), what the admin does (login, products, the new order, search
 * settings), checkout under contention, and the public edge (validation and safe errors, ownership of carts and
 * orders, bounded fuzzing). One app boot for all of them (~30 s of a worker each); `.ci/run` runs this file again
 * on Redis-backed modules.
 */
integrationSuites({
  "the storefront": storefrontSuite,
  "the admin": adminSuite,
  "checkout under contention": checkoutRaceSuite,
  "POST /store/search": searchStoreSuite,
  "search settings in the admin API": searchAdminSuite,
  "the search index follows catalog changes": searchSyncSuite,
  "the edge: validation, safe errors, headers": securityEdgeSuite,
  "ownership of carts and orders": securityOwnershipSuite,
  "fuzzing": securityFuzzSuite,
})
