import type { Browser, Page } from "playwright-core"
import { cartReadyForPayment, startPayment } from "../helpers/checkout"
import { assertChromium, launchChromium, loginToDashboard } from "../helpers/shop-process"
import { SHARED_SHOP_ADMIN, sharedShop } from "../helpers/shared-shop"

/**
 * The merchant's email log, in a real browser: an order placed through the store API of the shared e2e shop
 * (`tienda start`, no SMTP server: every email kept in the local mailbox) shows on the Emails page with its status and
 * template; Preview opens the rendered email; Resend adds a second row for the same email; the order page's widget
 * lists the order's emails.
 */
jest.setTimeout(15 * 60_000)

interface EmailSummary {
  id: string
  recipient: string
  template: string
  status: string
}

describe("email log in the admin", () => {
  let browser: Browser | undefined

  beforeAll(() => assertChromium())

  afterAll(async () => {
    await browser?.close()
  })

  it("lists an order's confirmation, previews it and resends it", async () => {
    const shop = await sharedShop()
    const sdk = shop.sdk()
    const recipient = `email-log.${Date.now()}@example.com`
    const { cart } = await cartReadyForPayment(sdk, { email: recipient })
    await startPayment(sdk, cart.id, "pp_bank-transfer_offline")
    const completed = await sdk.store.cart.complete(cart.id)
    expect(completed.type).toBe("order")
    const order = (completed as { order: { id: string; display_id: number } }).order

    // The confirmation is written by a subscriber after the checkout answered.
    const emailsOfOrder = async (): Promise<EmailSummary[]> => {
      const response = await fetch(`${shop.base}/admin/emails?order_id=${order.id}`, {
        headers: await shop.adminHeaders(),
      })
      expect(response.status).toBe(200)
      return ((await response.json()) as { emails: EmailSummary[] }).emails.filter((e) => e.recipient === recipient)
    }
    const first = await eventually(async () => {
      const emails = await emailsOfOrder()
      return emails.length === 1 ? emails : undefined
    })
    expect(first[0]).toMatchObject({ template: "order-placed", status: "stored" })

    browser = await launchChromium()
    const page = await loginToDashboard(browser, shop.port, SHARED_SHOP_ADMIN.email, SHARED_SHOP_ADMIN.password)
    await page.goto(`${shop.base}/app/emails?recipient=${encodeURIComponent(recipient)}`)
    const rows = () => page.getByTestId("email-row").filter({ hasText: recipient })
    await rows().first().waitFor({ timeout: 60_000 })
    expect(await rows().count()).toBe(1)
    const row = rows().first()
    expect(await row.textContent()).toMatch(/Stored locally/)
    expect(await row.textContent()).toMatch(/order-placed/)

    // Preview: the drawer shows the recipient, the subject and the plain-text part with the order's number.
    await row.getByRole("button", { name: "Preview" }).click()
    const preview = page.getByTestId("email-preview")
    await preview.getByText(`To: ${recipient}`).waitFor({ timeout: 30_000 })
    expect(await preview.textContent()).toContain(String(order.display_id))
    expect(await preview.locator("iframe[title='Email preview']").getAttribute("sandbox")).toBe("")
    await preview.getByRole("button", { name: "Close" }).click()
    await preview.waitFor({ state: "hidden", timeout: 30_000 })

    // Resend: a new row for the same email, and the list shows both.
    await row.getByRole("button", { name: "Resend" }).click()
    await page.getByText("Email resent").first().waitFor({ timeout: 30_000 })
    await expectRowCount(page, recipient, 2)
    const after = await emailsOfOrder()
    expect(after.map((email) => email.template)).toEqual(["order-placed", "order-placed"])
    expect(new Set(after.map((email) => email.id)).size).toBe(2)

    // The order page's widget lists the order's emails.
    await page.goto(`${shop.base}/app/orders/${order.id}`)
    const widget = page.getByTestId("order-emails-widget")
    await widget.waitFor({ timeout: 60_000 })
    await widget.getByTestId("email-row").nth(1).waitFor({ timeout: 30_000 })
    expect(await widget.getByTestId("email-row").filter({ hasText: recipient }).count()).toBe(2)
  })
})

async function expectRowCount(page: Page, recipient: string, count: number): Promise<void> {
  const rows = page.getByTestId("email-row").filter({ hasText: recipient })
  await rows.nth(count - 1).waitFor({ timeout: 30_000 })
  expect(await rows.count()).toBe(count)
}

async function eventually<T>(read: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (value !== undefined) {
      return value
    }
    if (Date.now() > deadline) {
      throw new Error(`not there after ${timeoutMs} ms`)
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}
