import http from "node:http"
import { Modules } from "@medusajs/framework/utils"
import { integrationTestRunner } from "../helpers/test-runner"
import { ADMIN_EMAIL, ADMIN_PASSWORD, createAdmin } from "../helpers/admin"
import { seedDemoStore } from "../../src/scripts/seed"
import { setAppEnv } from "../helpers/app-env"
import { statusOf } from "../helpers/security"
import { failure, publishableKey } from "../helpers/store"
import { itWithRedis } from "../helpers/redis"

jest.setTimeout(120_000)

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const STOREFRONT_SECRET = "test-storefront-secret-of-at-least-32-chars"

/**
 * Rate limits (issue 8). Each test sets tight limits for itself through setAppEnv (the app reads its settings again;
 * distinct values give it fresh counters) and restores the generous defaults afterwards.
 */
integrationTestRunner({
  template: "seeded",
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: { headers: Record<string, string> }

    beforeAll(async () => {
      await seedDemoStore(getContainer())
      await createAdmin(getContainer())
    })

    /**
     * Request options that connect from another loopback address (127.0.0.<n>): the server sees a different peer,
     * as it would see another client on a direct start with no proxy in front.
     */
    const agents = new Map<string, http.Agent>()
    function from(localAddress: string, headers: Record<string, string> = {}) {
      let agent = agents.get(localAddress)
      if (!agent) {
        agent = new http.Agent({ localAddress })
        agents.set(localAddress, agent)
      }
      const baseURL = api.defaults.baseURL.replace("localhost", "127.0.0.1")
      return { baseURL, httpAgent: agent, headers, validateStatus: () => true }
    }
    afterAll(() => agents.forEach((agent) => agent.destroy()))

    const adminLogin = (address: string, password: string) =>
      api.post("/auth/user/emailpass", { email: ADMIN_EMAIL, password }, from(address))

    beforeEach(async () => {
      store = { headers: { "x-publishable-api-key": await publishableKey(getContainer()) } }
    })

    async function withEnv(vars: Record<string, string>, body: () => Promise<void>) {
      setAppEnv(vars)
      try {
        await body()
      } finally {
        setAppEnv(Object.fromEntries(Object.keys(vars).map((name) => [name, undefined])))
      }
    }

    async function expect429(request: Promise<unknown>, what: RegExp) {
      const response = await failure(request)
      expect(response.status).toBe(429)
      expect(response.data.message).toMatch(what)
      return response
    }

    it("limits login attempts per account, answers 429 with Retry-After, and resets after the window", async () => {
      // Windows of several seconds: on a loaded machine the requests of one window must all fall inside it.
      await withEnv({ TIENDA_RATE_LIMIT_LOGIN_ACCOUNT: "3/9" }, async () => {
        const attempt = (email: string) => api.post("/auth/customer/emailpass", { email, password: "wrong" })
        for (let i = 0; i < 3; i++) {
          expect((await failure(attempt("victim@example.com"))).status).toBe(401)
        }
        const limited = await api.post(
          "/auth/customer/emailpass",
          { email: "VICTIM@example.com", password: "wrong" },
          { validateStatus: () => true }
        )
        expect(limited.status).toBe(429)
        expect(limited.data.message).toMatch(/login attempts for this account/)
        expect(Number(limited.headers["retry-after"])).toBeGreaterThanOrEqual(1)
        expect(Number(limited.headers["retry-after"])).toBeLessThanOrEqual(9)
        // another account from the same address is not affected
        expect((await failure(attempt("someone.else@example.com"))).status).toBe(401)
        await sleep(Number(limited.headers["retry-after"]) * 1000 + 100)
        expect((await failure(attempt("victim@example.com"))).status).toBe(401)
      })
    })

    it("limits login attempts per address across accounts", async () => {
      await withEnv({ TIENDA_RATE_LIMIT_LOGIN_IP: "4/60" }, async () => {
        for (let i = 0; i < 4; i++) {
          expect(
            await statusOf(api.post("/auth/user/emailpass", { email: `admin${i}@example.com`, password: "x" }))
          ).toBe(401)
        }
        await expect429(
          api.post("/auth/user/emailpass", { email: "admin9@example.com", password: "x" }),
          /login attempts from this address/
        )
      })
    })

    it("limits password resets per account and address, and registrations per address", async () => {
      await withEnv({ TIENDA_RATE_LIMIT_RESET_ACCOUNT_IP: "2/64", TIENDA_RATE_LIMIT_REGISTER_IP: "2/64" }, async () => {
        for (let i = 0; i < 2; i++) {
          expect(
            await statusOf(api.post("/auth/customer/emailpass/reset-password", { identifier: "reset.me@example.com" }))
          ).toBeLessThan(300)
        }
        await expect429(
          api.post("/auth/customer/emailpass/reset-password", { identifier: "reset.me@example.com" }),
          /password reset requests for this account from this address/
        )
        for (let i = 0; i < 2; i++) {
          expect(
            await statusOf(
              api.post("/auth/customer/emailpass/register", { email: `new${i}@example.com`, password: "long-enough-1" })
            )
          ).toBe(200)
        }
        await expect429(
          api.post("/auth/customer/emailpass/register", { email: "new9@example.com", password: "long-enough-1" }),
          /registrations/
        )
      })
    })

    it("limits cart creation and searches per address, not plain browsing", async () => {
      // Windows far longer than the test: on a busy machine three cart creations can take more than 3 s, and a
      // window that ends between them lets the fourth through (nothing here waits for a window to end).
      await withEnv({ TIENDA_RATE_LIMIT_CART_IP: "3/60", TIENDA_RATE_LIMIT_SEARCH_IP: "2/60" }, async () => {
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
      await withEnv({ TIENDA_RATE_LIMIT_GLOBAL: "15/10" }, async () => {
        const statuses = await Promise.all(Array.from({ length: 25 }, () => statusOf(api.get("/store/regions", store))))
        expect(statuses.filter((status) => status === 200)).toHaveLength(15)
        expect(statuses.filter((status) => status === 429)).toHaveLength(10)
        await sleep(10_100)
        expect((await api.get("/store/regions", store)).status).toBe(200)
      })
    })

    it("counts the socket's address on a direct start: a spoofed X-Forwarded-For does not escape a limit", async () => {
      await withEnv({ TIENDA_RATE_LIMIT_CART_IP: "3/61" }, async () => {
        const statuses: number[] = []
        for (let i = 0; i < 6; i++) {
          const spoofed = { ...store.headers, "x-forwarded-for": `198.51.100.${i + 1}` }
          statuses.push((await api.post("/store/carts", {}, from("127.0.0.11", spoofed))).status)
        }
        expect(statuses).toEqual([200, 200, 200, 429, 429, 429])
        // Another client (another address) has its own bucket.
        expect((await api.post("/store/carts", {}, from("127.0.0.12", store.headers))).status).toBe(200)
      })
    })

    it("does not let a stranger's failed logins keep the owner out (default limits)", async () => {
      const stranger: number[] = []
      for (let i = 0; i < 25; i++) {
        stranger.push((await adminLogin("127.0.0.21", `guess-${i}`)).status)
      }
      // The stranger is throttled on this account from that address…
      expect(stranger.slice(0, 10).every((status) => status === 401)).toBe(true)
      expect(stranger.slice(10).every((status) => status === 429)).toBe(true)
      // …and the owner, from another address, logs in.
      const owner = await adminLogin("127.0.0.22", ADMIN_PASSWORD)
      expect(owner.status).toBe(200)
      expect(typeof owner.data.token).toBe("string")
    })

    it("keeps guessing one account from many addresses throttled, not the owner's login from a known address", async () => {
      await withEnv({ TIENDA_RATE_LIMIT_LOGIN_ACCOUNT: "5/61" }, async () => {
        // The owner has logged in from 127.0.0.30 before.
        expect((await adminLogin("127.0.0.30", ADMIN_PASSWORD)).status).toBe(200)
        const guesses: Array<{ status: number; data: any; headers: any }> = []
        for (let i = 0; i < 10; i++) {
          guesses.push(await adminLogin(`127.0.0.${31 + i}`, "guess"))
        }
        expect(guesses.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429])
        expect(guesses[9].data.message).toMatch(/failed login attempts for this account/)
        expect(Number(guesses[9].headers["retry-after"])).toBeGreaterThanOrEqual(1)
        expect(Number(guesses[9].headers["retry-after"])).toBeLessThanOrEqual(61)
        // A new address is slowed like the guessers; the owner's known address is not.
        expect((await adminLogin("127.0.0.41", ADMIN_PASSWORD)).status).toBe(429)
        expect((await adminLogin("127.0.0.30", ADMIN_PASSWORD)).status).toBe(200)
        // Successful logins gave their points back: the owner's address is still far from its own limits.
        expect((await adminLogin("127.0.0.30", ADMIN_PASSWORD)).status).toBe(200)
      })
    })

    it("keeps a guesser's count per (account, address) while the per-account limit refuses him", async () => {
      await withEnv(
        { TIENDA_RATE_LIMIT_LOGIN_ACCOUNT: "2/9", TIENDA_RATE_LIMIT_LOGIN_ACCOUNT_IP: "3/63" },
        async () => {
          const statuses = async (count: number) => {
            const answers: number[] = []
            for (let i = 0; i < count; i++) answers.push((await adminLogin("127.0.0.45", "guess")).status)
            return answers
          }
          expect(await statuses(3)).toEqual([401, 401, 429])
          await sleep(9_100)
          // The refused third attempt guessed nothing and cleared nothing: one more failure, then this address is done.
          const last = await statuses(2)
          expect(last).toEqual([401, 429])
        }
      )
    })

    it("gives a trusted storefront's shoppers separate buckets; ignores the header without the right secret", async () => {
      await withEnv({ TIENDA_STOREFRONT_SECRET: STOREFRONT_SECRET, TIENDA_RATE_LIMIT_CART_IP: "2/62" }, async () => {
        const forShopper = (shopper: string, secret = STOREFRONT_SECRET) =>
          from("127.0.0.51", { ...store.headers, "x-tienda-client-ip": shopper, "x-tienda-storefront-secret": secret })
        const create = async (options: object) => (await api.post("/store/carts", {}, options)).status
        expect([await create(forShopper("198.51.100.1")), await create(forShopper("198.51.100.1"))]).toEqual([200, 200])
        expect(await create(forShopper("198.51.100.1"))).toBe(429)
        // Another shopper of the same storefront server is not affected.
        expect([await create(forShopper("198.51.100.2")), await create(forShopper("2001:db8::1"))]).toEqual([200, 200])
        // A wrong secret: the named address is ignored and the requests count against the sender.
        const wrong = [
          await create(forShopper("198.51.100.3", "wrong")),
          await create(forShopper("198.51.100.4", "wrong")),
        ]
        expect(wrong).toEqual([200, 200])
        expect(await create(forShopper("198.51.100.5", "wrong"))).toBe(429)
        expect(await create(forShopper("198.51.100.5"))).toBe(200)
        // An unreadable shopper address from a trusted storefront is its bug: a clear 400.
        const bad = await api.post("/store/carts", {}, forShopper("not-an-ip"))
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/x-tienda-client-ip/)
      })
    })

    it("never blocks a customer's password reset because of strangers' requests, nor sends their flood", async () => {
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      const identifier = "john.smith@example.com"
      const sent: string[] = []
      const subscriber = async ({ data }: { data: { entity_id: string } }) => {
        if (data.entity_id === identifier) sent.push(data.entity_id)
      }
      eventBus.subscribe("auth.password_reset", subscriber as never, { subscriberId: "rate-limit-spec" })
      try {
        const reset = (address: string) =>
          api.post("/auth/customer/emailpass/reset-password", { identifier }, from(address))
        const stranger: number[] = []
        for (let i = 0; i < 8; i++) {
          stranger.push((await reset("127.0.0.61")).status)
        }
        // The stranger is refused from that address after 5 (and never gets to the per-account cap)…
        expect(stranger).toEqual([201, 201, 201, 201, 201, 429, 429, 429])
        // …a flood from many addresses is answered like any reset request, but only 5 emails go out in 15 minutes…
        for (let i = 0; i < 4; i++) {
          expect((await reset(`127.0.0.${62 + i}`)).status).toBe(201)
        }
        // …and the customer, who has logged in from 127.0.0.70 before, gets an email.
        const login = { email: identifier, password: "tienda-demo-1" }
        expect((await api.post("/auth/customer/emailpass", login, from("127.0.0.70"))).status).toBe(200)
        expect((await reset("127.0.0.70")).status).toBe(201)
        await sleep(500)
        expect(sent).toHaveLength(6)
      } finally {
        eventBus.unsubscribe("auth.password_reset", subscriber as never, { subscriberId: "rate-limit-spec" })
      }
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
