import { integrationTestRunner } from "../helpers/test-runner"
import { seedDemoStore } from "../../src/scripts/seed"
import { createAdmin } from "../helpers/admin"
import { securityEdgeSuite } from "./suites/security-edge"
import { securityOwnershipSuite } from "./suites/security-ownership"
import { securityFuzzSuite } from "./suites/security-fuzz"

jest.setTimeout(600_000)

/**
 * The public edge of issue 8: validation and safe errors, ownership of carts and orders, bounded fuzzing.
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

    describe("the edge: validation, safe errors, headers", () => securityEdgeSuite(runner))
    describe("ownership of carts and orders", () => securityOwnershipSuite(runner))
    describe("fuzzing", () => securityFuzzSuite(runner))
  },
})
