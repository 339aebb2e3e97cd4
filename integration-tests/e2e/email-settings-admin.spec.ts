import type { Browser, Page } from "playwright-core"
import { assertChromium, launchChromium, loginToDashboard } from "../helpers/shop-process"
import { okJson, SHARED_SHOP_ADMIN, sharedShop } from "../helpers/shared-shop"

/**
 * The email settings widget on Settings → Store, in Chromium on the shared e2e shop: the merchant sees the colour in
 * use (the default), sets another one that is still there after a reload, and a wrong colour shows the server's
 * refusal. The shop's settings are put back to their defaults before and after.
 */
jest.setTimeout(15 * 60_000)

const NEW_COLOR = "#0a7d5c"

describe("email settings in the admin dashboard", () => {
  let browser: Browser | undefined
  let page: Page
  let base: string
  let adminAuth: Record<string, string>

  const resetSettings = () =>
    okJson(
      base,
      "POST",
      "/admin/email-settings",
      { logo_url: null, brand_color: null, merchant_email: null },
      adminAuth
    )

  beforeAll(async () => {
    assertChromium()
    const shop = await sharedShop()
    base = shop.base
    adminAuth = await shop.adminHeaders()
    await resetSettings()
    browser = await launchChromium()
    page = await loginToDashboard(browser, shop.port, SHARED_SHOP_ADMIN.email, SHARED_SHOP_ADMIN.password)
  })

  afterAll(async () => {
    await browser?.close()
    if (adminAuth) {
      await resetSettings()
    }
  })

  it("changes the brand colour; the saved value survives a reload; a wrong colour shows the error", async () => {
    const { email_settings: before } = await okJson(base, "GET", "/admin/email-settings", undefined, adminAuth)
    expect(before.brand_color).toBe(before.defaults.brand_color)

    await page.goto(`${base}/app/settings/store`)
    const widget = page.getByTestId("email-settings-widget")
    const colourRow = widget.getByTestId("email-setting-brand_color")
    await colourRow.waitFor({ timeout: 60_000 })
    await page.waitForLoadState("networkidle")
    expect(await colourRow.textContent()).toContain(`${before.defaults.brand_color}default`)

    await widget.getByRole("button", { name: "Edit" }).click()
    const colour = widget.getByLabel("Brand colour")
    expect(await colour.getAttribute("placeholder")).toBe(before.defaults.brand_color)
    await widget.getByText(`Empty: the default, ${before.defaults.brand_color}`).waitFor()

    // A wrong colour: the hint while typing, then the server's 400 message once saved anyway.
    await colour.fill("#12345g")
    await widget.getByText("A hex colour #rrggbb, like #1f2937").waitFor()
    await widget.getByRole("button", { name: "Save" }).click()
    const refusal = widget.getByRole("alert")
    await refusal.waitFor({ timeout: 30_000 })
    expect(await refusal.textContent()).toMatch(/brand_color must be a hex colour/)

    await colour.fill(NEW_COLOR)
    await widget.getByRole("button", { name: "Save" }).click()
    await page.getByText("Email settings saved").first().waitFor({ timeout: 30_000 })
    await colourRow.waitFor()
    expect(await colourRow.textContent()).toBe(`Brand colour${NEW_COLOR}`)

    await page.reload()
    await colourRow.waitFor({ timeout: 60_000 })
    expect(await colourRow.textContent()).toBe(`Brand colour${NEW_COLOR}`)
    const { email_settings: after } = await okJson(base, "GET", "/admin/email-settings", undefined, adminAuth)
    expect(after.brand_color).toBe(NEW_COLOR)
  })
})
