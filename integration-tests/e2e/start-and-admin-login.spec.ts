import fs from "node:fs"
import path from "node:path"
import type { Browser } from "playwright-core"
import {
  assertChromium,
  bannerValue,
  launchChromium,
  loginToDashboard,
  makeStateDir,
  root,
  startShop,
  stopShop,
  waitUntilReady,
  type RunningShop,
} from "../helpers/shop-process"
import { sharedShopBuilt } from "../helpers/shared-shop"

/**
 * The newcomer's path, end to end: `tienda start` (what `npm start` runs) on a fresh embedded PostgreSQL,
 * then a real Chromium logs in to the admin dashboard over plain http, then a restart that must reuse
 * everything. Needs Debian's chromium (CHROMIUM_PATH overrides /usr/bin/chromium): without it this fails
 * loudly rather than pretending.
 */
jest.setTimeout(15 * 60_000)

const email = "e2e-admin@tienda.test"
const password = "e2e-password-123"
const credentials = { TIENDA_ADMIN_EMAIL: email, TIENDA_ADMIN_PASSWORD: password }

function postgresRunningOn(dataDir: string): boolean {
  const pidFile = path.join(dataDir, "postmaster.pid")
  if (!fs.existsSync(pidFile)) {
    return false
  }
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0])
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe("tienda start + admin dashboard in a browser", () => {
  const stateDir = makeStateDir()
  let shop: RunningShop | undefined
  let browser: Browser | undefined

  beforeAll(() => assertChromium())

  afterAll(async () => {
    await browser?.close()
    if (shop) {
      await stopShop(shop)
    }
    fs.rmSync(stateDir, { recursive: true, force: true })
  })

  it("starts on an empty embedded database, seeds it and prints how to get in", async () => {
    // The shared e2e shop builds .medusa/server when the run begins; a second build into it at the same time would
    // break both. (Its result is why this start finds the build current.)
    await sharedShopBuilt()
    shop = await startShop(stateDir, credentials)
    await waitUntilReady(shop)
    const output = shop.output()
    expect(output).toContain("Seeding the demo store")
    expect(output).toContain("Creating the admin user")
    expect(bannerValue(output, "Store API")).toBe(`http://localhost:${shop.port}/store`)
    expect(bannerValue(output, "Admin API")).toBe(`http://localhost:${shop.port}/admin`)
    expect(bannerValue(output, "Admin dashboard")).toBe(`http://localhost:${shop.port}/app`)
    expect(bannerValue(output, "Admin login")).toBe(`${email} / ${password}`)
    const key = bannerValue(output, "Publishable key")
    expect(key).toMatch(/^pk_/)

    const products = await fetch(`http://localhost:${shop.port}/store/products?limit=1`, {
      headers: { "x-publishable-api-key": key },
    })
    expect(products.status).toBe(200)
    expect((await products.json()).count).toBeGreaterThanOrEqual(40)
  })

  it("logs in to the admin dashboard at /app over plain http", async () => {
    browser = await launchChromium()
    const page = await loginToDashboard(browser, shop!.port, email, password)
    // Logged in means the dashboard shows its navigation and the seeded catalog.
    await page.getByRole("link", { name: "Products" }).first().waitFor({ timeout: 60_000 })
    await page.goto(`http://localhost:${shop!.port}/app/products`)
    await page.getByText("Organic Cotton Crew Tee").first().waitFor({ timeout: 60_000 })
    const cookies = await page.context().cookies()
    expect(cookies.find((cookie) => cookie.name === "connect.sid")?.secure).toBe(false)
  })

  it("stops cleanly on SIGTERM, leaving no PostgreSQL behind", async () => {
    expect(postgresRunningOn(path.join(stateDir, "postgres"))).toBe(true)
    expect(await stopShop(shop!)).toBe(0)
    expect(postgresRunningOn(path.join(stateDir, "postgres"))).toBe(false)
  })

  it("restarts without rebuilding, migrating, reseeding or making a new admin", async () => {
    const started = Date.now()
    shop = await startShop(stateDir, credentials, shop)
    await waitUntilReady(shop, 3 * 60_000)
    const output = shop.output()
    process.stdout.write(`restart to ready: ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
    expect(output).toContain("Production build is up to date")
    expect(output).toMatch(/Checking migrations…\n\s+up to date/)
    expect(output).not.toContain("Seeding")
    expect(output).not.toContain("Creating the admin user")
    expect(bannerValue(output, "Admin login")).toBe(`${email} / ${password}`)

    const key = bannerValue(output, "Publishable key")
    const response = await fetch(`http://localhost:${shop.port}/store/products?limit=1`, {
      headers: { "x-publishable-api-key": key },
    })
    const data = await response.json()
    const seededCount = JSON.parse(fs.readFileSync(path.join(root, "data/products.json"), "utf8")).length
    expect(data.count).toBe(seededCount)
    expect(await stopShop(shop)).toBe(0)
    shop = undefined
  })
})
