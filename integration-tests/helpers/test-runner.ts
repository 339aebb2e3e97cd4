import { randomBytes } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { cloneTemplate } from "./test-database"

type RunnerOptions = Parameters<typeof medusaIntegrationTestRunner>[0]

/**
 * Medusa's integration test runner on a database copied from the migrated template (see test-database.ts) instead
 * of an empty one. Everything else is the runner's own: it creates nothing when the database exists, migrates what
 * is still pending, boots the app and drops the database afterwards.
 */
export function integrationTestRunner(options: RunnerOptions) {
  const dbName = `tienda-spec-${randomBytes(5).toString("hex")}-${process.env.JEST_WORKER_ID ?? "1"}`
  // Registered before the runner's hooks, so the copy exists when the runner looks for its database.
  beforeAll(() => cloneTemplate(dbName))
  return medusaIntegrationTestRunner({ ...options, dbName })
}
