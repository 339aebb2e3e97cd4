import type { Browser } from "playwright-core"
import { cartReadyForPayment, startPayment } from "../helpers/checkout"
import { assertChromium, launchChromium, loginToDashboard } from "../helpers/shop-process"
import { SHARED_SHOP_ADMIN, sharedShop } from "../helpers/shared-shop"

/**
 * The merchant's side of a bank transfer, in a real browser: a customer places an order by bank transfer through
 * the store API of the shared e2e shop (`tienda start`); the admin's order page shows the payment reference and "Mark as paid";
 * one click captures the payment, which the admin API then reports.
 */
jest.setTimeout(15 * 60_000)

describe("offline payment widget on the admin order page", () => {
  let browser: Browser | undefined

  beforeAll(() => assertChromium())

  afterAll(async () => {
    await browser?.close()
  })

  it("shows the reference of a bank-transfer order and marks it paid", async () => {
    const shop = await sharedShop()
    const base = shop.base
    const sdk = shop.sdk()

    // `npm start` offers both offline methods in both demo regions.
    const { regions } = await sdk.store.region.list()
    for (const region of regions) {
      const { payment_providers } = await sdk.store.payment.listPaymentProviders({ region_id: region.id })
      expect(payment_providers.map((p) => p.id)).toEqual(
        expect.arrayContaining(["pp_bank-transfer_offline", "pp_cash-on-delivery_offline"])
      )
    }

    const { cart } = await cartReadyForPayment(sdk, { email: "transfer@example.com" })
    const { session } = await startPayment(sdk, cart.id, "pp_bank-transfer_offline")
    const reference = String(session.data.reference)
    const completed = await sdk.store.cart.complete(cart.id)
    expect(completed.type).toBe("order")
    const orderId = (completed as any).order.id

    browser = await launchChromium()
    const page = await loginToDashboard(browser, shop.port, SHARED_SHOP_ADMIN.email, SHARED_SHOP_ADMIN.password)
    await page.goto(`${base}/app/orders/${orderId}`)
    const widget = page.getByTestId("offline-payment-widget")
    await widget.waitFor({ timeout: 60_000 })
    expect(await page.getByTestId("offline-payment-reference").textContent()).toBe(reference)
    expect(await page.getByTestId("offline-payment-status").textContent()).toBe("Awaiting payment")

    await widget.getByRole("button", { name: "Mark as paid" }).click()
    await page.getByTestId("offline-payment-status").filter({ hasText: "Paid" }).waitFor({ timeout: 30_000 })
    // The page reloads so the dashboard's own payment section shows the capture; the widget stays "Paid".
    await page.waitForLoadState("load")
    await page.getByTestId("offline-payment-status").filter({ hasText: "Paid" }).waitFor({ timeout: 60_000 })
    await expectNoMarkAsPaid(page)

    const response = await fetch(`${base}/admin/orders/${orderId}?fields=payment_status`, {
      headers: await shop.adminHeaders(),
    })
    expect((await response.json()).order.payment_status).toBe("captured")
  })
})

async function expectNoMarkAsPaid(page: import("playwright-core").Page) {
  expect(await page.getByRole("button", { name: "Mark as paid" }).count()).toBe(0)
}
