import { randomBytes } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { resetSettings } from "../../src/lib/settings"
import { Modules } from "@medusajs/framework/utils"
import { cloneTemplate, type TemplateKind } from "./test-database"
import { seedDemoStore } from "../../src/scripts/seed"
import { createAdmin } from "./admin"

/** What the runner hands a test suite: `api` (axios on the app), `getContainer`, … */
export type RunnerContext = Parameters<Parameters<typeof medusaIntegrationTestRunner>[0]["testSuite"]>[0]

type RunnerOptions = Parameters<typeof medusaIntegrationTestRunner>[0] & {
  /**
   * What the spec's database starts as: "migrated" (default: empty, migrated) or "seeded" (the demo store of data/
   * and its search index, as `npm start` leaves them). A spec whose configuration changes what the seed makes (e.g.
   * Stripe or PayPal keys add those providers to the demo regions) seeds its own on "migrated".
   */
  template?: TemplateKind
}

/**
 * Medusa's integration test runner on a database copied from the migrated template (see test-database.ts) instead
 * of an empty one. Everything else is the runner's own: it creates nothing when the database exists, migrates what
 * is still pending, boots the app and drops the database afterwards.
 */
export function integrationTestRunner({ template = "migrated", testSuite, ...options }: RunnerOptions) {
  const dbName = `tienda-spec-${randomBytes(5).toString("hex")}-${process.env.JEST_WORKER_ID ?? "1"}`
  // Registered before the runner's hooks, so the copy exists when the runner looks for its database.
  beforeAll(() => cloneTemplate(dbName, template), 5 * 60_000)
  return medusaIntegrationTestRunner({
    ...options,
    dbName,
    testSuite: (runner) => {
      // Medusa's runner loads medusa-config (which reads the settings) before it applies `env`: read them again now.
      beforeAll(() => resetSettings())
      // The runner puts the database back between tests without an event, so nothing tells Medusa's Caching
      // Module that what it cached (a region renamed by the last test, say) is gone: empty it before each test.
      beforeEach(async () => {
        const caching = runner.getContainer()?.resolve(Modules.CACHING, { allowUnregistered: true }) as
          { clear(options: { tags: string[] }): Promise<void> } | undefined
        await caching?.clear({ tags: ["*"] })
      })
      testSuite?.({ ...runner, api: readableFailures(runner.api) })
    },
  })
}

const HTTP_METHODS = new Set(["get", "post", "put", "patch", "delete", "head", "options", "request"])

/**
 * The runner's axios client, with its failures turned into plain errors that say what was asked and answered
 * (`POST /store/carts → 400: {"message":…}`) and keep `response.status`, `.data` and `.headers`. An axios error
 * itself holds the request and socket objects, which point at each other: jest-circus copies a failure without
 * its prototype (so without axios's toJSON), and the worker then cannot send the copy to jest — it crashes, jest
 * runs the whole file again up to three times, and the failure is never shown.
 */
function readableFailures<T extends object>(api: T): T {
  return new Proxy(api, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver)
      if (typeof value !== "function" || !HTTP_METHODS.has(String(property))) {
        return value
      }
      return (...args: unknown[]) =>
        (value as (...args: unknown[]) => Promise<unknown>).apply(target, args).catch((error: any) => {
          if (!error?.isAxiosError) {
            throw error
          }
          const { config, response } = error
          const body = response ? JSON.stringify(response.data)?.slice(0, 500) : error.code
          const failure = new Error(
            `${String(config?.method).toUpperCase()} ${config?.url} → ${response?.status ?? "no answer"}: ${body}`
          )
          throw Object.assign(
            failure,
            response
              ? { response: { status: response.status, data: response.data, headers: { ...response.headers } } }
              : {}
          )
        })
    },
  })
}

/**
 * Several suites of the same configuration on one app boot (~20 s of a worker each) and the seeded template, each
 * in its own `describe`. What they need in the database (the demo store, the test admin) is made before the
 * runner snapshots it at the first test, so every test starts from that snapshot, as in a file of its own.
 */
export function integrationSuites(
  suites: Record<string, (runner: RunnerContext) => void>,
  env: Record<string, string> = {}
) {
  integrationTestRunner({
    template: "seeded",
    inApp: true,
    env,
    testSuite: (runner) => {
      beforeAll(async () => {
        await seedDemoStore(runner.getContainer())
        await createAdmin(runner.getContainer())
      })
      for (const [title, suite] of Object.entries(suites)) {
        describe(title, () => suite(runner))
      }
    },
  })
}
