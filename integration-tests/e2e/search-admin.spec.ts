import type { Browser, Page } from "playwright-core"
import { assertChromium, launchChromium, loginToDashboard } from "../helpers/shop-process"
import { okJson, SHARED_SHOP_ADMIN, sharedShop } from "../helpers/shared-shop"
import products from "../../data/products.json"

/**
 * Search on the shared e2e shop (a fresh `tienda start`: seeded, index built by the seed): Settings → Search shows
 * the product index with its document count; in Chromium a merchant adds a synonym and the next storefront search
 * uses it; the insights page shows the queries just made, and its purge button (after a confirmation) deletes them.
 */
jest.setTimeout(10 * 60_000)

describe("search in the admin dashboard", () => {
  let browser: Browser | undefined
  let page: Page
  let base: string
  let storeKey: string
  let adminAuth: Record<string, string>

  const call = (method: string, url: string, body?: unknown, headers?: Record<string, string>) =>
    okJson(base, method, url, body, headers)
  const storeSearch = async (q: string) => {
    const { results } = await call(
      "POST",
      "/store/search",
      { entity: "product", filters: { q } },
      { "x-publishable-api-key": storeKey }
    )
    return results[0].hits.map((hit: any) => hit.document.title) as string[]
  }

  beforeAll(async () => {
    assertChromium()
    const shop = await sharedShop()
    base = shop.base
    storeKey = shop.publishableKey
    adminAuth = await shop.adminHeaders()
    browser = await launchChromium()
    page = await loginToDashboard(browser, shop.port, SHARED_SHOP_ADMIN.email, SHARED_SHOP_ADMIN.password)
  })

  afterAll(async () => {
    const { synonyms } = await call("GET", "/admin/search-synonyms", undefined, adminAuth)
    for (const synonym of synonyms) {
      await call("DELETE", `/admin/search-synonyms/${synonym.id}`, undefined, adminAuth)
    }
    await browser?.close()
  })

  it("serves typo-tolerant search right after a fresh start and lists the index with its count", async () => {
    expect(await storeSearch("tshrit")).toEqual(expect.arrayContaining(["Organic Cotton Crew Tee"]))
    await page.goto(`${base}/app/settings/search`)
    await page.getByRole("heading", { name: "product", exact: true }).waitFor({ timeout: 60_000 })
    const count = page.getByTestId("search-index-count")
    await count.waitFor({ timeout: 30_000 })
    expect(await count.textContent()).toContain(
      `${products.length} documents indexed · ${products.length} published products`
    )
  })

  it("adds a synonym that the next storefront search uses, and shows the queries in insights", async () => {
    expect(await storeSearch("jumper")).not.toContain("Merino Crewneck Sweater")

    await page.goto(`${base}/app/settings/search-synonyms`)
    await page.getByLabel("New group (terms separated by commas)").fill("jumper, sweater")
    await page.getByRole("button", { name: "Add synonyms" }).click()
    await page.getByText("Synonyms saved").waitFor()
    await page.getByTestId("synonym-group").getByText("sweater").waitFor()

    expect((await storeSearch("jumper"))[0]).toBe("Merino Crewneck Sweater")
    expect(await storeSearch("qwxzy")).toEqual([])

    await page.goto(`${base}/app/settings/search-insights`)
    const top = page.getByRole("table").first()
    await top.getByRole("cell", { name: "jumper", exact: true }).waitFor({ timeout: 30_000 })
    const zero = page.getByRole("table").nth(1)
    await zero.getByRole("cell", { name: "qwxzy", exact: true }).waitFor()
    await page.getByRole("tab", { name: "Last 30 days" }).click()
    await page.getByRole("table").first().getByRole("cell", { name: "jumper", exact: true }).waitFor()
  })

  it("deletes every insight from the insights page, only once the merchant confirms", async () => {
    await storeSearch("ana.garcia@example.com")
    const insights = () => call("GET", "/admin/search-insights?days=30", undefined, adminAuth)
    const stored = async () => (await insights()).top_queries.map((row: any) => row.query) as string[]
    for (let i = 0; !(await stored()).includes("[email]") && i < 50; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(await stored()).toContain("[email]")

    await page.goto(`${base}/app/settings/search-insights`)
    await page
      .getByRole("table")
      .first()
      .getByRole("cell", { name: "[email]", exact: true })
      .waitFor({ timeout: 30_000 })
    expect(await page.getByTestId("search-insights-retention").textContent()).toContain("kept 90 days")

    await page.getByRole("button", { name: "Delete all insights" }).click()
    const dialog = page.getByRole("alertdialog")
    await dialog.getByText("Delete all search insights?").waitFor()
    await dialog.getByRole("button", { name: "Cancel" }).click()
    await dialog.waitFor({ state: "detached" })
    expect(await stored()).toContain("[email]")

    await page.getByRole("button", { name: "Delete all insights" }).click()
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete all" }).click()
    await page.getByText("Search insights deleted").waitFor()
    await page.getByText("No searches in this period.").waitFor()
    expect(await page.getByRole("table").count()).toBe(0)
    expect(await insights()).toMatchObject({ top_queries: [], zero_result_queries: [], other_queries: { searches: 0 } })
  })
})
