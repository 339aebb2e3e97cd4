import type { Browser } from "playwright-core"
import { TIENDA_OPERATIONS } from "../../src/api/operations"
import { assertChromium, launchChromium } from "../helpers/shop-process"
import { sharedShop } from "../helpers/shared-shop"

/**
 * /docs on the shared e2e shop (a local `tienda start`, so the reference is served), in Chromium: every Tienda route
 * is on the page, its style applies under the page's strict Content Security Policy, nothing is refused or fails.
 */
jest.setTimeout(5 * 60_000)

describe("the API reference page", () => {
  let browser: Browser | undefined

  beforeAll(async () => {
    assertChromium()
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it("renders every Tienda route with its style, without a script or a refused resource", async () => {
    const shop = await sharedShop()
    const page = await browser!.newPage()
    const problems: string[] = []
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") problems.push(message.text())
    })
    page.on("pageerror", (error) => problems.push(error.message))
    const response = await page.goto(`${shop.base}/docs`)
    expect(response?.status()).toBe(200)
    await expect(page.locator("h1").textContent()).resolves.toBe("Tienda API")
    expect(await page.locator("article").count()).toBe(TIENDA_OPERATIONS.length)
    for (const operation of TIENDA_OPERATIONS) {
      const path = operation.path.replace(/:(\w+)/g, "{$1}")
      const heading = page.locator("article h3", {
        hasText: new RegExp(`^${operation.method}\\s+${escapeRegExp(path)}$`),
      })
      expect({ route: `${operation.method} ${path}`, shown: await heading.isVisible() }).toEqual({
        route: `${operation.method} ${path}`,
        shown: true,
      })
    }
    // The style block is allowed by its hash: without it the page would have no width limit.
    expect(await page.evaluate(() => getComputedStyle(document.body).maxWidth)).toBe("960px")
    expect(await page.locator("script").count()).toBe(0)
    await page.click('nav a[href="#versioning"]')
    await expect(page.locator("#versioning").isVisible()).resolves.toBe(true)
    expect(await page.locator('#medusa a[href="https://docs.medusajs.com/api/store"]').count()).toBeGreaterThan(0)
    expect(problems).toEqual([])
    const document = await (await fetch(`${shop.base}/docs/openapi.json`)).json()
    expect(document.info.title).toBe("Tienda API")
    await page.close()
  })
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
}
