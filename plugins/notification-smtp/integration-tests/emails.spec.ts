import { Modules } from "@medusajs/framework/utils"
import { integrationTestRunner } from "../../../integration-tests/helpers/test-runner"
import { setAppEnv } from "../../../integration-tests/helpers/app-env"
import { adminHeaders, createAdmin } from "../../../integration-tests/helpers/admin"
import { seedDemoStore } from "../../../src/scripts/seed"
import { publishableKey, storeSdk } from "../../../integration-tests/helpers/store"
import { eventually } from "../../../integration-tests/helpers/checkout"
import { retryDueEmails } from "../src/jobs/retry-emails"
import { formatMoney } from "../src/templates/money"
import { EMAIL_LOG_MODULE } from "../src/utils/constants"
import { placeBankTransferOrder } from "./place-order"
import { SmtpInbox } from "./smtp-inbox"

jest.setTimeout(180_000)

const inbox = new SmtpInbox()

// The SMTP server must listen before the runner loads medusa-config.ts (which reads SMTP_HOST/SMTP_PORT).
beforeAll(async () => {
  const port = await inbox.start()
  setAppEnv({
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(port),
    SMTP_FROM: "Tienda <shop@tienda.test>",
    STOREFRONT_URL: "https://shop.tienda.test",
  })
})
afterAll(() => inbox.stop())

/**
 * Emails through the real store API and a real SMTP server started here: the order confirmation (items, totals,
 * currency; bank details for a transfer), one email for an event delivered twice, a down server that does not stop
 * a checkout and gets the email once back, and the password reset from request to new login.
 */
integrationTestRunner({
  template: "seeded",
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let sdk: ReturnType<typeof storeSdk>
    let key: string

    beforeAll(async () => {
      await seedDemoStore(getContainer())
    })

    beforeEach(async () => {
      inbox.emails.length = 0
      key = await publishableKey(getContainer())
      sdk = storeSdk(api, key)
    })

    const placeOrder = (email: string) => placeBankTransferOrder(sdk, email)

    const logRows = (filters: Record<string, unknown>) =>
      getContainer().resolve<any>(EMAIL_LOG_MODULE).listEmailMessages(filters)

    it("an order placed by bank transfer delivers one confirmation with its items, totals, currency, IBAN and reference", async () => {
      const { order, session } = await placeOrder("buyer-1@example.com")
      const [email] = await eventually(
        async () => inbox.to("buyer-1@example.com").length && inbox.to("buyer-1@example.com")
      )
      const item = order.items[0]
      expect(email.subject).toContain(`#${order.display_id}`)
      for (const part of [email.html, email.text]) {
        expect(part).toContain(item.product_title)
        expect(part).toContain(formatMoney(order.total, order.currency_code, "en"))
        expect(part).toContain(formatMoney(item.unit_price, order.currency_code, "en"))
        expect(part).toContain("€")
        expect(part).toContain("ES91 2100 0418 4502 0005 1332")
        expect(part).toContain(session.data.reference as string)
      }
      expect(email.text).toContain(`2 × ${item.product_title}`)
      // The SMTP server has the message before the client has its answer and records the send.
      const rows = await eventually(async () => {
        const found = await logRows({ order_id: order.id })
        return found[0]?.status !== "pending" && found
      })
      expect(rows.map((row: any) => [row.template, row.status, row.attempts])).toEqual([["order-placed", "sent", 1]])
    })

    it("the same order.placed event delivered twice sends one email", async () => {
      const { order } = await placeOrder("buyer-2@example.com")
      await eventually(async () => inbox.to("buyer-2@example.com").length)
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      await bus.emit([
        { name: "order.placed", data: { id: order.id } },
        { name: "order.placed", data: { id: order.id } },
      ])
      await new Promise((resolve) => setTimeout(resolve, 3000))
      expect(inbox.to("buyer-2@example.com")).toHaveLength(1)
      expect(await logRows({ order_id: order.id })).toHaveLength(1)
    })

    it("with the SMTP server down the checkout completes; the email goes out once the server is back", async () => {
      await inbox.stop()
      try {
        const started = Date.now()
        const { order } = await placeOrder("buyer-3@example.com")
        expect(Date.now() - started).toBeLessThan(20_000)
        const [row] = await eventually(async () => {
          const rows = await logRows({ order_id: order.id })
          return rows[0]?.status === "retrying" && rows
        })
        expect(row.last_error).toBeTruthy()
        expect(row.attempts).toBe(1)
      } finally {
        await inbox.start()
      }
      // The retry job's next run, once the row's delay has passed; two runs at once (two workers) send it once.
      const later = new Date(Date.now() + 10 * 60_000)
      const runs = await Promise.all([retryDueEmails(getContainer(), later), retryDueEmails(getContainer(), later)])
      expect(runs.flat().map((row) => row.status)).toEqual(["sent"])
      expect(inbox.to("buyer-3@example.com")).toHaveLength(1)
      expect((await retryDueEmails(getContainer(), new Date(later.getTime() + 60 * 60_000))).length).toBe(0)
    })

    it("password reset: the emailed link's token sets a new password; an unknown email gets 201 and no email", async () => {
      const email = "ana.garcia@example.com"
      const reset = await api.post(
        "/auth/customer/emailpass/reset-password",
        { identifier: email },
        { headers: { "x-publishable-api-key": key } }
      )
      expect(reset.status).toBe(201)
      const [message] = await eventually(async () => inbox.to(email).length && inbox.to(email))
      const link = /https:\/\/shop\.tienda\.test\/reset-password\?token=([^&\s"]+)&email=([^\s"<]+)/.exec(message.text)
      expect(link).not.toBeNull()
      const token = decodeURIComponent(link![1])
      expect(decodeURIComponent(link![2])).toBe(email)

      const updated = await api.post(
        "/auth/customer/emailpass/update",
        { email, password: "a-new-pass-2026" },
        { headers: { authorization: `Bearer ${token}` } }
      )
      expect(updated.status).toBe(200)
      const login = (password: string) =>
        api.post("/auth/customer/emailpass", { email, password }).then(
          (r: any) => r.status,
          (e: any) => e.response?.status
        )
      expect(await login("a-new-pass-2026")).toBe(200)
      expect(await login("tienda-demo-1")).toBe(401)

      const unknown = await api.post(
        "/auth/customer/emailpass/reset-password",
        { identifier: "nobody@example.com" },
        { headers: { "x-publishable-api-key": key } }
      )
      expect(unknown.status).toBe(201)
      await new Promise((resolve) => setTimeout(resolve, 2000))
      expect(inbox.to("nobody@example.com")).toHaveLength(0)
    })

    it("a shipment with tracking sends the shipping email; the admin API lists, shows and resends emails", async () => {
      await createAdmin(getContainer())
      const admin = await adminHeaders(api)
      const { order } = await placeOrder("buyer-5@example.com")
      await eventually(async () => inbox.to("buyer-5@example.com").length)
      const { data: full } = await api.get(`/admin/orders/${order.id}?fields=id,*items`, admin)
      const items = full.order.items.map((item: any) => ({ id: item.id, quantity: item.quantity }))
      const { data: fulfilled } = await api.post(
        `/admin/orders/${order.id}/fulfillments?fields=id,*fulfillments`,
        { items },
        admin
      )
      const fulfillmentId = fulfilled.order.fulfillments[0].id
      const labels = [
        {
          tracking_number: "TRK-42-ES",
          tracking_url: "https://track.example/TRK-42-ES",
          label_url: "https://track.example/label",
        },
      ]
      await api.post(`/admin/orders/${order.id}/fulfillments/${fulfillmentId}/shipments`, { items, labels }, admin)
      const shipped = await eventually(async () =>
        inbox.to("buyer-5@example.com").find((email) => /on its way/.test(email.subject))
      )
      expect(shipped.text).toContain("TRK-42-ES")
      expect(shipped.text).toContain(full.order.items[0].product_title)
      expect(shipped.html).toContain('href="https://track.example/TRK-42-ES"')

      const list = await eventually(async () => {
        const { data } = await api.get(`/admin/emails?order_id=${order.id}`, admin)
        return data.count === 2 && data.emails.every((email: any) => email.status === "sent") && data
      })
      expect(list.emails.map((email: any) => email.template).sort()).toEqual(["order-placed", "order-shipped"])
      const { data: one } = await api.get(`/admin/emails/${list.emails[0].id}`, admin)
      expect(one.email.html).toMatch(/^<!DOCTYPE html>/)
      const { data: resent } = await api.post(`/admin/emails/${list.emails[0].id}/resend`, {}, admin)
      expect(resent.email).toMatchObject({ status: "sent", resent_from_id: list.emails[0].id })
      await eventually(async () => inbox.to("buyer-5@example.com").length === 3)

      const bad = await api
        .get(`/admin/emails?limit=500&status=lost&color=red`, admin)
        .catch((error: any) => error.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/limit/)
      expect(bad.data.message).toMatch(/status/)
      expect(bad.data.message).toMatch(/color/)
    })
  },
})
