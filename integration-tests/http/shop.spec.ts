import { integrationSuites } from "../helpers/test-runner"
import { storefrontSuite } from "./suites/storefront"
import { adminSuite } from "./suites/admin"
import { checkoutRaceSuite } from "./suites/checkout-race"
import { productImagesSuite } from "./suites/product-images"

jest.setTimeout(600_000)

/**
 * The shop over HTTP on the demo store: what a storefront does (catalog, guest checkout, customer account), what
 * the admin does (login, products, the new order), checkout under contention (issue 8), and product images (stored
 * files with immutable URLs). One app boot for all four; `.ci/run` runs this file again on Redis-backed modules.
 */
integrationSuites({
  "the storefront": storefrontSuite,
  "the admin": adminSuite,
  "checkout under contention": checkoutRaceSuite,
  "product images": productImagesSuite,
})
