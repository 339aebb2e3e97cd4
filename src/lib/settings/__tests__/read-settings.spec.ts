import { readSetting, readSettings, resetSettings, settings, settingsOf, SettingsError } from ".."
import { checkoutSettings } from "../groups/checkout"

describe("readSettings", () => {
  it("gives every default for an empty environment, in one frozen object", () => {
    const all = readSettings({})
    expect(all.server.port).toBe(9000)
    expect(all.checkout).toEqual({
      concurrency: 4,
      queueTimeoutMs: 60_000,
      maxWaiting: 100,
      perAddress: 20,
      orphanedPaymentGraceSeconds: 600,
    })
    expect(all.rateLimits.LOGIN_ACCOUNT).toEqual({ points: 50, durationSeconds: 300 })
    expect(all.catalogCache).toMatchObject({ enabled: undefined, megabytes: 64, readModelIds: 200_000 })
    expect(all.search.currencies).toEqual(["eur", "usd"])
    expect(Object.isFrozen(all)).toBe(true)
    expect(Object.isFrozen(all.checkout)).toBe(true)
  })

  it("reads set values; a blank one is unset", () => {
    const all = readSettings({ TIENDA_CHECKOUT_QUEUE_MAX: "7", PORT: " ", TIENDA_CATALOG_CACHE: "off" })
    expect(all.checkout.maxWaiting).toBe(7)
    expect(all.server.port).toBe(9000)
    expect(all.catalogCache.enabled).toBe(false)
  })

  it("reports every wrong variable together, each with its value and what it must be", () => {
    const env = {
      TIENDA_CHECKOUT_QUEUE_MAX: "lots",
      TIENDA_CATALOG_CACHE_MB: "64MB",
      TIENDA_GUEST_ORDER_ACCESS: "closed",
    }
    let error: SettingsError | undefined
    try {
      readSettings(env)
    } catch (thrown) {
      error = thrown as SettingsError
    }
    expect(error).toBeInstanceOf(SettingsError)
    expect(error!.problems).toEqual([
      'TIENDA_GUEST_ORDER_ACCESS must be one of "open", "token" (got "closed")',
      'TIENDA_CHECKOUT_QUEUE_MAX must be a whole number (1 or more) (got "lots")',
      'TIENDA_CATALOG_CACHE_MB must be a whole number of megabytes (1 or more) (got "64MB")',
    ])
    expect(error!.message).toMatch(/^3 environment variables are wrong/)
  })

  it("reads one variable alone, for code that must not fail on the others", () => {
    expect(readSetting(checkoutSettings.perAddress, { TIENDA_CHECKOUT_PER_ADDRESS: "3", PORT: "x" })).toBe(3)
  })
})

describe("settings()", () => {
  const saved = { ...process.env }
  afterEach(() => {
    process.env = { ...saved }
    resetSettings()
  })

  it("reads process.env once and keeps it until reset; settingsOf reads a test's own environment", () => {
    process.env.TIENDA_CHECKOUT_CONCURRENCY = "2"
    resetSettings()
    expect(settings().checkout.concurrency).toBe(2)
    process.env.TIENDA_CHECKOUT_CONCURRENCY = "3"
    expect(settings().checkout.concurrency).toBe(2)
    expect(settingsOf(process.env)).toBe(settings())
    expect(settingsOf({ TIENDA_CHECKOUT_CONCURRENCY: "5" }).checkout.concurrency).toBe(5)
    resetSettings()
    expect(settings().checkout.concurrency).toBe(3)
  })
})
