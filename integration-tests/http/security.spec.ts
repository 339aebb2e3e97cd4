import { integrationSuites } from "../helpers/test-runner"
import { securityEdgeSuite } from "./suites/security-edge"
import { securityOwnershipSuite } from "./suites/security-ownership"
import { securityFuzzSuite } from "./suites/security-fuzz"
import { securityPaymentsSuite } from "./suites/security-payments"
import { securitySpellingsSuite } from "./suites/security-spellings"
import { securityPublishedSecretsSuite } from "./suites/security-published-secrets"

jest.setTimeout(600_000)

// A cash-on-delivery fee, so the offline plugin's completion middleware has something to add. medusa-config.ts turns
// it into plugin options before the runner applies its `env`, so it is set here (jest gives each file its own env).
process.env.OFFLINE_COD_FEE = "eur:2.5,usd:3"
afterAll(() => {
  delete process.env.OFFLINE_COD_FEE
})

/** The public edge of issue 8: validation and safe errors, ownership of carts and orders, bounded fuzzing. */
integrationSuites({
  "the edge: validation, safe errors, headers": securityEdgeSuite,
  "ownership of carts and orders": securityOwnershipSuite,
  "every spelling of a route": securitySpellingsSuite,
  "secrets published in the repository": securityPublishedSecretsSuite,
  "payment session data a shopper sends": securityPaymentsSuite,
  fuzzing: securityFuzzSuite,
})
