import { integrationSuites } from "../helpers/test-runner"
import { storefrontSuite } from "./suites/storefront"
import { adminSuite } from "./suites/admin"
import { checkoutRaceSuite } from "./suites/checkout-race"
import { securityEdgeSuite } from "./suites/security-edge"
import { securityOwnershipSuite } from "./suites/security-ownership"
import { securityFuzzSuite } from "./suites/security-fuzz"

jest.setTimeout(600_000)

// The suites log the same test admin in before most of their 50 tests, within minutes: more than the 20 logins per
// account in 15 minutes a shop allows (read at request time; jest gives each file its own process.env). The
// limits themselves are tested in security-rate-limit.spec.ts.
process.env.TIENDA_RATE_LIMIT_LOGIN_ACCOUNT = "1000/900"

/**
 * The shop over HTTP on the demo store: what a storefront does (catalog, guest checkout, customer account), what
 * the admin does (login, products, the new order), checkout under contention, and the public edge (validation and
 * safe errors, ownership of carts and orders, bounded fuzzing). One app boot for all of them (~30 s of a worker
 * each); `.ci/run` runs this file again on Redis-backed modules. Search has its own file (search.spec.ts): its sync
 * tests wait for events, which Medusa's Redis event bus works through one at a time behind every earlier suite's.
 */
integrationSuites({
  "the storefront": storefrontSuite,
  "the admin": adminSuite,
  "checkout under contention": checkoutRaceSuite,
  "the edge: validation, safe errors, headers": securityEdgeSuite,
  "ownership of carts and orders": securityOwnershipSuite,
  "fuzzing": securityFuzzSuite,
})
