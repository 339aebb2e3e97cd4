import { integrationTestRunner } from "../../../integration-tests/helpers/test-runner"
import { setAppEnv } from "../../../integration-tests/helpers/app-env"
import { adminHeaders, createAdmin } from "../../../integration-tests/helpers/admin"
import { seedDemoStore } from "../../../src/scripts/seed"
import { publishableKey, storeSdk } from "../../../integration-tests/helpers/store"
import { eventually } from "../../../integration-tests/helpers/checkout"
import { placeBankTransferOrder } from "./place-order"
import { SmtpInbox } from "./smtp-inbox"

jest.setTimeout(180_000)

const inbox = new SmtpInbox()

// What medusa-config.ts fills into the plugin's options: the defaults the admin settings fall back to.
const DEFAULTS = {
  logo_url: "https://cdn.tienda.test/default-logo.png",
  brand_color: "#112233",
  merchant_email: "orders@tienda.test",
}
const SAVED = {
  logo_url: "https://cdn.tienda.test/merchant-logo.png",
  brand_color: "#c0ffee",
  merchant_email: "alerts@shop.test",
}

beforeAll(async () => {
  const port = await inbox.start()
  setAppEnv({
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(port),
    SMTP_FROM: "Tienda <shop@tienda.test>",
    EMAIL_LOGO_URL: DEFAULTS.logo_url,
    EMAIL_BRAND_COLOR: DEFAULTS.brand_color,
    EMAIL_MERCHANT_ADDRESS: DEFAULTS.merchant_email,
  })
})
afterAll(() => inbox.stop())

/**
 * The email settings a merchant sets in the admin (`/admin/email-settings`, kept in the store's metadata): they
 * answer the options' values until saved, are validated field by field, leave the store's other metadata alone,
 * and the emails of the next order use them.
 */
integrationTestRunner({
  template: "seeded",
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }

    beforeAll(async () => {
      await seedDemoStore(getContainer())
      await createAdmin(getContainer())
    })

    beforeEach(async () => {
      inbox.emails.length = 0
      admin = await adminHeaders(api)
    })

    const settings = async () => (await api.get("/admin/email-settings", admin)).data.email_settings
    const save = async (body: Record<string, unknown>) =>
      (await api.post("/admin/email-settings", body, admin)).data.email_settings
    const received = (address: string) =>
      eventually(async () => (inbox.to(address).length ? inbox.to(address) : undefined))
    const storeMetadata = async () => {
      const { data } = await api.get("/admin/stores?fields=id,metadata", admin)
      return { id: data.stores[0].id as string, metadata: (data.stores[0].metadata ?? {}) as Record<string, unknown> }
    }

    it("answers the options' values while the merchant saved nothing", async () => {
      expect(await settings()).toEqual({ ...DEFAULTS, defaults: DEFAULTS })
    })

    it("saves the settings into the store's metadata, keeps its other keys, and null resets one to its default", async () => {
      const { id } = await storeMetadata()
      await api.post(`/admin/stores/${id}`, { metadata: { owner_note: "keep me" } }, admin)

      expect(await save(SAVED)).toEqual({ ...SAVED, defaults: DEFAULTS })
      expect(await settings()).toEqual({ ...SAVED, defaults: DEFAULTS })
      expect((await storeMetadata()).metadata).toEqual({ owner_note: "keep me", tienda_email: SAVED })

      // One field at a time: the others stay saved.
      expect(await save({ brand_color: null })).toEqual({
        ...SAVED,
        brand_color: DEFAULTS.brand_color,
        defaults: DEFAULTS,
      })
      expect(await save({ merchant_email: "second@shop.test" })).toMatchObject({
        logo_url: SAVED.logo_url,
        brand_color: DEFAULTS.brand_color,
        merchant_email: "second@shop.test",
      })
      expect((await storeMetadata()).metadata).toEqual({
        owner_note: "keep me",
        tienda_email: { logo_url: SAVED.logo_url, merchant_email: "second@shop.test" },
      })

      await save({ logo_url: null, merchant_email: null })
      expect(await settings()).toEqual({ ...DEFAULTS, defaults: DEFAULTS })
    })

    it("refuses a bad value or an unknown field with a 400 naming it, and saves nothing", async () => {
      const before = (await storeMetadata()).metadata
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ brand_color: "red" }, /brand_color/],
        [{ brand_color: "#12345" }, /brand_color/],
        [{ brand_color: 112233 }, /brand_color/],
        [{ logo_url: "ftp://cdn.tienda.test/logo.png" }, /logo_url/],
        [{ logo_url: "javascript:alert(1)" }, /logo_url/],
        [{ logo_url: `https://cdn.tienda.test/${"a".repeat(2048)}.png` }, /logo_url/],
        [{ merchant_email: "not-an-email" }, /merchant_email/],
        [{ brand_color: "#000000", font: "Comic Sans" }, /font/],
      ]
      for (const [body, field] of cases) {
        const answer = await api.post("/admin/email-settings", body, admin).catch((error: any) => error.response)
        expect({ body, status: answer.status }).toEqual({ body, status: 400 })
        expect(answer.data.message).toMatch(field)
      }
      // Other spellings Express dispatches to the same route are validated too.
      for (const spelling of ["/ADMIN/Email-Settings", "/admin/email-settings/"]) {
        const answer = await api.post(spelling, { brand_color: "red" }, admin).catch((error: any) => error.response)
        expect({ spelling, status: answer.status }).toEqual({ spelling, status: 400 })
      }
      expect((await storeMetadata()).metadata).toEqual(before)
      expect(await settings()).toEqual({ ...DEFAULTS, defaults: DEFAULTS })
    })

    it("the next order's confirmation has the saved logo and colour; the merchant alert goes to the saved address", async () => {
      await save(SAVED)
      const sdk = storeSdk(api, await publishableKey(getContainer()))
      const { order } = await placeBankTransferOrder(sdk, "styled-buyer@example.com")

      const [confirmation] = await received("styled-buyer@example.com")
      expect(confirmation.subject).toContain(`#${order.display_id}`)
      expect(confirmation.html).toContain(`src="${SAVED.logo_url}"`)
      expect(confirmation.html).toContain(`background:${SAVED.brand_color}`)
      expect(confirmation.html).not.toContain(DEFAULTS.logo_url)
      expect(confirmation.html).not.toContain(DEFAULTS.brand_color)

      const [alert] = await received(SAVED.merchant_email)
      expect(alert.subject).toContain(`#${order.display_id}`)
      expect(alert.html).toContain(`background:${SAVED.brand_color}`)
      expect(inbox.to(DEFAULTS.merchant_email)).toHaveLength(0)
      expect(inbox.emails.map((email) => email.to).sort()).toEqual([SAVED.merchant_email, "styled-buyer@example.com"])
    })
  },
})
