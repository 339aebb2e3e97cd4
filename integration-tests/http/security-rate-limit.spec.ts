import { integrationTestRunner } from "../helpers/test-runner"
import { seedDemoStore } from "../../src/scripts/seed"
import { statusOf } from "../helpers/security"
import { failure, publishableKey } from "../helpers/store"
import { itWithRedis } from "../helpers/redis"

jest.setTimeout(120_000)

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Rate limits (issue 8). Limits are read from the environment at request time, so each test sets tight ones for
 * itself (distinct values give it fresh counters) and restores the generous defaults afterwards.
 */
integrationTestRunner({
  template: "seeded",
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: { headers: Record<string, string> }

    beforeAll(async () => {
      await seedDemoStore(getContainer())
    })

    beforeEach(async () => {
      store = { headers: { "x-publishable-api-key": await publishableKey(getContainer()) } }
    })

    async function withEnv(vars: Record<string, string>, body: () => Promise<void>) {
      Object.assign(process.env, vars)
      try {
        await body()
      } finally {
        for (const name of Object.keys(vars)) delete process.env[name]
      }
    }

    async function expect429(request: Promise<unknown>, what: RegExp) {
      const response = await failure(request)
      expect(response.status).toBe(429)
      expect(response.data.message).toMatch(what)
      return response
    }

    it("limits login attempts per account, answers 429 with Retry-After, and resets after the window", async () => {
      await withEnv({ TIENDA_RATE_LIMIT_LOGIN_ACCOUNT: "3/2" }, async () => {
        const attempt = (email: string) => api.post("/auth/customer/emailpass", { email, password: "wrong" })
        for (let i = 0; i < 3; i++) {
          expect((await failure(attempt("victim@example.com"))).status).toBe(401)
        }
        const limited = await api.post("/auth/customer/emailpass", { email: "VICTIM@example.com", password: "wrong" }, { validateStatus: () => true })
        expect(limited.status).toBe(429)
        expect(limited.data.message).toMatch(/login attempts for this account/)
        expect(Number(limited.headers["retry-after"])).toBeGreaterThanOrEqual(1)
        expect(Number(limited.headers["retry-after"])).toBeLessThanOrEqual(2)
        // another account from the same address is not affected
        expect((await failure(attempt("someone.else@example.com"))).status).toBe(401)
        await sleep(2_100)
        expect((await failure(attempt("victim@example.com"))).status).toBe(401)
      })
    })

    it("limits login attempts per address across accounts", async () => {
      await withEnv({ TIENDA_RATE_LIMIT_LOGIN_IP: "4/3" }, async () => {
        for (let i = 0; i < 4; i++) {
          expect(await statusOf(api.post("/auth/user/emailpass", { email: `admin${i}@example.com`, password: "x" }))).toBe(401)
        }
        await expect429(api.post("/auth/user/emailpass", { email: "admin9@example.com", password: "x" }), /login attempts from this address/)
      })
    })

    it("limits password resets per account and registrations per address", async () => {
      await withEnv({ TIENDA_RATE_LIMIT_RESET_ACCOUNT: "2/3", TIENDA_RATE_LIMIT_REGISTER_IP: "2/3" }, async () => {
        for (let i = 0; i < 2; i++) {
          expect(await statusOf(api.post("/auth/customer/emailpass/reset-password", { identifier: "reset.me@example.com" }))).toBeLessThan(300)
        }
        await expect429(api.post("/auth/customer/emailpass/reset-password", { identifier: "reset.me@example.com" }), /password reset requests for this account/)
        for (let i = 0; i < 2; i++) {
          expect(await statusOf(api.post("/auth/customer/emailpass/register", { email: `new${i}@example.com`, password: "long-enough-1" }))).toBe(200)
        }
        await expect429(api.post("/auth/customer/emailpass/register", { email: "new9@example.com", password: "long-enough-1" }), /registrations/)
      })
    })

    it("limits cart creation and searches per address, not plain browsing", async () => {
      await withEnv({ TIENDA_RATE_LIMIT_CART_IP: "3/3", TIENDA_RATE_LIMIT_SEARCH_IP: "2/3" }, async () => {
        for (let i = 0; i < 3; i++) {
          expect((await api.post("/store/carts", {}, store)).status).toBe(200)
        }
        await expect429(api.post("/store/carts", {}, store), /carts created/)
        for (let i = 0; i < 2; i++) {
          expect((await api.get("/store/products?q=shirt", store)).status).toBe(200)
        }
        await expect429(api.get("/store/products?q=shirt", store), /searches/)
        expect((await api.get("/store/products?limit=1", store)).status).toBe(200)
      })
    })

    it("puts a global per-address ceiling on every route, then lets requests through again", async () => {
      await withEnv({ TIENDA_RATE_LIMIT_GLOBAL: "15/2" }, async () => {
        const statuses = await Promise.all(Array.from({ length: 25 }, () => statusOf(api.get("/store/regions", store))))
        expect(statuses.filter((status) => status === 200)).toHaveLength(15)
        expect(statuses.filter((status) => status === 429)).toHaveLength(10)
        await sleep(2_100)
        expect((await api.get("/store/regions", store)).status).toBe(200)
      })
    })

    itWithRedis("keeps its counters in Redis when REDIS_URL is set (shared by every server process)", async (run) => {
      const { url: REDIS_URL, client: redis } = run
      try {
        await withEnv({ REDIS_URL, TIENDA_RATE_LIMIT_CART_IP: `2/${7 + (Date.now() % 50)}` }, async () => {
          for (let i = 0; i < 2; i++) {
            expect((await api.post("/store/carts", {}, store)).status).toBe(200)
          }
          const limited = await failure(api.post("/store/carts", {}, store))
          expect(limited.status).toBe(429)
          const keys = await redis.keys(`tienda-rl-cart_ip-2-${process.env.TIENDA_RATE_LIMIT_CART_IP!.split("/")[1]}*`)
          expect(keys.length).toBeGreaterThan(0)
        })
      } finally {
        redis.disconnect()
      }
    })

    it("can be switched off", async () => {
      await withEnv({ TIENDA_RATE_LIMIT: "off", TIENDA_RATE_LIMIT_CART_IP: "1/60" }, async () => {
        for (let i = 0; i < 3; i++) {
          expect((await api.post("/store/carts", {}, store)).status).toBe(200)
        }
      })
    })
  },
})
