import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { IEventBusModuleService } from "@medusajs/framework/types"
import { integrationTestRunner } from "../helpers/test-runner"
import { createAdmin } from "../helpers/admin"
import { setAppEnv } from "../helpers/app-env"
import { eventually } from "../helpers/checkout"
import { parseExposition, valueOf, type Sample } from "../helpers/metrics"
import { failure, guestCheckout, publishableKey, storeSdk } from "../helpers/store"
import { seedDemoStore } from "../../src/scripts/seed"

jest.setTimeout(120_000)

// Read by medusa-config and the app's settings when the runner boots the app: set before it loads.
const METRICS_TOKEN = "observability-spec-token-0123456789"
process.env.TIENDA_METRICS_TOKEN = METRICS_TOKEN
process.env.LOG_FORMAT = "json"

/**
 * Metrics and readiness through the app's own HTTP port: known traffic moves exactly the counters it should, under
 * route templates, never raw URLs.
 */
integrationTestRunner({
  template: "seeded",
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let key: string

    beforeAll(async () => {
      await seedDemoStore(getContainer())
      await createAdmin(getContainer())
      key = await publishableKey(getContainer())
    })

    async function scrape(): Promise<Sample[]> {
      const { status, data, headers } = await api.get("/metrics", {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
        responseType: "text",
      })
      expect(status).toBe(200)
      expect(String(headers["content-type"])).toContain("text/plain")
      return parseExposition(String(data))
    }

    it("serves /metrics on the app port only with the bearer token", async () => {
      expect((await failure(api.get("/metrics"))).status).toBe(401)
      expect(
        (await failure(api.get("/metrics", { headers: { authorization: "Bearer wrong-token-of-length" } }))).status
      ).toBe(401)
      // Every spelling Express dispatches to the same route asks for the token too.
      for (const spelling of ["/METRICS", "/metrics/", "/Metrics?x=1", "/metrics//", "/%6Detrics"]) {
        expect([401, 404]).toContain((await failure(api.get(spelling))).status)
      }
      const samples = await scrape()
      const runtime = samples.find((s) => s.name === "nodejs_eventloop_lag_p99_seconds")
      expect(runtime?.labels).toEqual(expect.objectContaining({ mode: "shared", process: "shared" }))
    })

    it("times requests under their route template, never under an id", async () => {
      const sdk = storeSdk(api, key)
      const { products } = await sdk.store.product.list({ limit: 1 })
      const id = products[0].id
      const before = await scrape()
      const labels = { method: "GET", route: "/store/products/:id", status_class: "2xx" }
      const count = "tienda_http_request_duration_seconds_count"
      // Twice: a miss, then (maybe) a cache hit answered before any route runs; both under the route's template.
      await sdk.store.product.retrieve(id)
      await sdk.store.product.retrieve(id)
      expect(
        (await failure(api.get(`/store/products/prod_does_not_exist`, { headers: { "x-publishable-api-key": key } })))
          .status
      ).toBe(404)
      const after = await scrape()
      expect(valueOf(after, count, labels) - valueOf(before, count, labels)).toBe(2)
      expect(
        valueOf(after, count, { ...labels, status_class: "4xx" }) -
          valueOf(before, count, { ...labels, status_class: "4xx" })
      ).toBe(1)
      // The fast bucket holds no more than the total, and the +Inf bucket equals it.
      const inf = valueOf(after, "tienda_http_request_duration_seconds_bucket", { ...labels, le: "+Inf" })
      expect(inf).toBe(valueOf(after, count, labels))
      const routes = new Set(after.filter((s) => s.labels.route).map((s) => s.labels.route))
      for (const route of routes) {
        expect(route).not.toContain(id)
        expect(route).not.toContain("prod_does_not_exist")
      }
      expect(routes).toContain("/store/products/:id")
    })

    it("counts an order, its cart completion and its workflow run exactly once", async () => {
      const before = await scrape()
      await guestCheckout(storeSdk(api, key))
      const placedBefore = valueOf(before, "tienda_orders_placed_total")
      const after = await eventually(async () => {
        const samples = await scrape()
        return valueOf(samples, "tienda_orders_placed_total") > placedBefore && samples
      })
      const delta = (name: string, labels: Record<string, string> = {}) =>
        valueOf(after, name, labels) - valueOf(before, name, labels)
      expect(delta("tienda_cart_completions_total", { outcome: "order" })).toBe(1)
      expect(delta("tienda_cart_completions_total")).toBe(1)
      expect(delta("tienda_workflow_runs_total", { workflow: "complete-cart", outcome: "succeeded" })).toBe(1)
      expect(delta("tienda_workflow_runs_total", { workflow: "complete-cart", outcome: "failed" })).toBe(0)
      expect(delta("tienda_events_emitted_total", { event: "order.placed" })).toBe(1)
      expect(delta("tienda_checkout_queue_wait_seconds_count")).toBe(1)
      const authorized = { provider: "pp_system_default", operation: "authorize", outcome: "ok" }
      expect(delta("tienda_payment_operations_total", authorized)).toBe(1)
      expect(delta("tienda_payment_operations_total", { outcome: "error" })).toBe(0)
      // The order confirmation email goes through the Notification Module (stored locally in tests).
      const emailed = await eventually(async () => {
        const samples = await scrape()
        const sent = valueOf(samples, "tienda_notification_sends_total", { channel: "email" })
        return sent > valueOf(before, "tienda_notification_sends_total", { channel: "email" }) && sent
      })
      expect(emailed - valueOf(before, "tienda_notification_sends_total", { channel: "email" })).toBe(1)
      expect(valueOf(after, "tienda_db_pool_max_connections")).toBeGreaterThan(0)
    })

    it("counts a completion that fails as invalid and its workflow as failed", async () => {
      const sdk = storeSdk(api, key)
      const { regions } = await sdk.store.region.list()
      const { cart } = await sdk.store.cart.create({ region_id: regions[0].id, email: "nopay@example.com" })
      const before = await scrape()
      const refused = await failure(
        api.post(`/store/carts/${cart.id}/complete`, {}, { headers: { "x-publishable-api-key": key } })
      )
      expect(refused.status).toBe(400)
      const after = await scrape()
      const delta = (name: string, labels: Record<string, string> = {}) =>
        valueOf(after, name, labels) - valueOf(before, name, labels)
      expect(delta("tienda_cart_completions_total", { outcome: "invalid" })).toBe(1)
      expect(delta("tienda_workflow_runs_total", { workflow: "complete-cart", outcome: "failed" })).toBe(1)
      expect(delta("tienda_orders_placed_total")).toBe(0)
    })

    it("counts a 429 under the rule that refused it", async () => {
      setAppEnv({ TIENDA_RATE_LIMIT_CART_IP: "2/600" })
      try {
        const sdk = storeSdk(api, key)
        const { regions } = await sdk.store.region.list()
        const before = await scrape()
        await sdk.store.cart.create({ region_id: regions[0].id })
        await sdk.store.cart.create({ region_id: regions[0].id })
        const refused = await failure(
          api.post("/store/carts", { region_id: regions[0].id }, { headers: { "x-publishable-api-key": key } })
        )
        expect(refused.status).toBe(429)
        const after = await scrape()
        const rule = { rule: "CART_IP" }
        expect(
          valueOf(after, "tienda_rate_limit_refusals_total", rule) -
            valueOf(before, "tienda_rate_limit_refusals_total", rule)
        ).toBe(1)
        expect(
          valueOf(after, "tienda_rate_limit_refusals_total") - valueOf(before, "tienda_rate_limit_refusals_total")
        ).toBe(1)
      } finally {
        setAppEnv({ TIENDA_RATE_LIMIT_CART_IP: undefined })
      }
    })

    it("counts a subscriber that fails, and one that succeeds, by event and subscriber", async () => {
      const eventBus = getContainer().resolve<IEventBusModuleService>(Modules.EVENT_BUS)
      const event = "tienda-test.observed"
      eventBus.subscribe(
        event,
        async () => {
          throw new Error("this subscriber fails on purpose")
        },
        { subscriberId: "always-fails" }
      )
      eventBus.subscribe(event, async () => undefined, { subscriberId: "always-works" })
      const before = await scrape()
      await eventBus.emit({ name: event, data: { id: "x" } })
      const after = await eventually(async () => {
        const samples = await scrape()
        const runs = valueOf(samples, "tienda_subscriber_runs_total", { event })
        return runs >= 2 && samples
      })
      expect(valueOf(after, "tienda_subscriber_runs_total", { event })).toBe(2)
      expect(
        valueOf(after, "tienda_subscriber_runs_total", { event, subscriber: "always-fails", outcome: "failed" })
      ).toBe(1)
      expect(
        valueOf(after, "tienda_subscriber_runs_total", { event, subscriber: "always-works", outcome: "succeeded" })
      ).toBe(1)
      expect(
        valueOf(after, "tienda_events_emitted_total", { event }) -
          valueOf(before, "tienda_events_emitted_total", { event })
      ).toBe(1)
    })

    it("logs each line of a request as JSON with its request id, even from async work, and no token or email", async () => {
      const container = getContainer()
      const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
      const eventBus = container.resolve<IEventBusModuleService>(Modules.EVENT_BUS)
      const email = "ana.garcia@example.com"
      let token: string | undefined
      // A careless subscriber: it logs the reset token and the address. Neither may reach the output.
      eventBus.subscribe(
        "auth.password_reset",
        async ({ data }: any) => {
          token = data.token
          logger.info(`password reset for ${data.entity_id} with token=${data.token} (Bearer ${data.token})`)
        },
        { subscriberId: "careless-reset-logger" }
      )
      const written: string[] = []
      const write = process.stdout.write.bind(process.stdout)
      const spy = jest.spyOn(process.stdout, "write").mockImplementation(((chunk: unknown, ...rest: any[]) => {
        written.push(String(chunk))
        return write(chunk, ...rest)
      }) as typeof process.stdout.write)
      let requestId: string
      // The runner logs errors only; this test reads an info line.
      logger.setLogLevel("info")
      try {
        const response = await api.post("/auth/customer/emailpass/reset-password", { identifier: email })
        expect(response.status).toBe(201)
        requestId = String(response.headers["x-request-id"])
        // Winston writes on a later tick: wait for the line itself.
        await eventually(async () => written.join("").includes("password reset for"))
      } finally {
        spy.mockRestore()
        logger.setLogLevel(process.env.LOG_LEVEL ?? "error")
      }
      const lines = written
        .join("")
        .split("\n")
        .filter((line) => line.includes("password reset for"))
      expect(lines).toHaveLength(1)
      const record = JSON.parse(lines[0])
      expect(record).toEqual(
        expect.objectContaining({
          level: "info",
          request_id: requestId,
          method: "POST",
          path: "/auth/customer/emailpass/reset-password",
          time: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
        })
      )
      expect(record.message).toContain("a***@example.com")
      expect(token!.length).toBeGreaterThan(10)
      for (const line of written) {
        expect(line).not.toContain(token)
        expect(line).not.toContain(email)
      }
    })

    it("answers readiness with its checks, and liveness without any", async () => {
      const { status, data } = await api.get("/ready")
      expect(status).toBe(200)
      expect(data.status).toBe("ready")
      expect(data.checks.map((c: { name: string }) => c.name).sort()).toEqual(["migrations", "postgres"])
      expect(data.checks.every((c: { ok: boolean }) => c.ok)).toBe(true)
    })
  },
})
