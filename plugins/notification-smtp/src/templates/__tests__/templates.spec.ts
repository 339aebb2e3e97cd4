import { EMAIL_TEMPLATES } from "../../utils/constants"
import { escapeHtml } from "../html"
import { emailLocale } from "../i18n"
import { renderEmail, resetPasswordUrl } from "../templates"
import { brand, order } from "./fixtures"

const en = { brand, locale: "en" as const }
const es = { brand, locale: "es" as const }

describe("email templates", () => {
  it("order placed: items, quantities, prices and totals in the order's currency, shipping and payment, in HTML and text", () => {
    const email = renderEmail("order-placed", order(), en)
    expect(email.subject).toBe("Tienda: your order #1042 is confirmed")
    for (const part of [email.html, email.text]) {
      expect(part).toContain("Linen Shirt (M / White)")
      expect(part).toContain("€39.90")
      expect(part).toContain("€79.80")
      expect(part).toContain("€1,234.50")
      expect(part).toContain("€1,319.25")
      expect(part).toContain("€228.10")
      expect(part).toContain("Standard")
      expect(part).toContain("Calle Mayor 1")
      expect(part).toContain("Cash on delivery")
    }
    expect(email.text).toContain("2 × Linen Shirt (M / White): €39.90 = €79.80")
    expect(email.html).not.toContain("IBAN")
  })

  it("order placed by bank transfer carries the account, the IBAN and the payment reference", () => {
    const bank = {
      account_holder: "Tienda Demo S.L.",
      iban: "ES91 2100 0418 4502 0005 1332",
      bic: "CAIXESBBXXX",
      reference: "RF47TND7KQ2M9XH4C",
    }
    const email = renderEmail("order-placed", order({ payment_method: "bank-transfer", bank_transfer: bank }), en)
    for (const part of [email.html, email.text]) {
      expect(part).toContain("ES91 2100 0418 4502 0005 1332")
      expect(part).toContain("RF47TND7KQ2M9XH4C")
      expect(part).toContain("Transfer €1,319.25")
    }
  })

  it("speaks Spanish with Spanish number formats", () => {
    const email = renderEmail("order-placed", order(), es)
    expect(email.subject).toBe("Tienda: tu pedido n.º 1042 está confirmado")
    expect(email.text).toMatch(/1234,50\s€/)
    expect(email.text).toContain("Contra reembolso")
  })

  it("escapes what shoppers type: names, addresses, item titles", () => {
    const evil = `<img src=x onerror="alert(1)">`
    const email = renderEmail(
      "order-placed",
      order({
        customer_name: evil,
        shipping_address: { name: evil, address_1: "<b>1</b>" },
        items: [{ title: evil, quantity: 1, unit_price: 1, total: 1 }],
      }),
      en
    )
    expect(email.html).not.toContain("<img src=x")
    expect(email.html).not.toContain("<b>1</b>")
    expect(email.html).toContain(escapeHtml(evil))
    expect(email.text).toContain(evil)
    const welcome = renderEmail("customer-welcome", { email: "a@b.co", customer_name: "</td><script>x()</script>" }, en)
    expect(welcome.html).not.toContain("<script>")
  })

  it("order shipped shows the items, the carrier and tracking number and link", () => {
    const email = renderEmail(
      "order-shipped",
      {
        order: order(),
        items: [{ title: "Mug", quantity: 1 }],
        carrier: "SEUR",
        tracking: [{ number: "TRK123", url: "https://track.example/TRK123" }],
      },
      en
    )
    for (const part of [email.html, email.text]) {
      expect(part).toContain("1 × Mug")
      expect(part).toContain("SEUR")
      expect(part).toContain("TRK123")
    }
    expect(email.html).toContain('href="https://track.example/TRK123"')
  })

  it("password reset links to the storefront with the token and the email, URL-encoded", () => {
    const email = renderEmail("password-reset", { email: "ana+1@example.com", token: "a.b.c" }, en)
    const link = "https://shop.example.com/reset-password?token=a.b.c&email=ana%2B1%40example.com"
    expect(resetPasswordUrl(brand.storefrontUrl, "a.b.c", "ana+1@example.com")).toBe(link)
    expect(email.text).toContain(link)
    expect(email.html).toContain(escapeHtml(link))
  })

  it("every template renders a subject, HTML with inline styles and no <style> block, and text, in both languages", () => {
    const data = {
      "order-placed": order(),
      "merchant-new-order": order(),
      "order-canceled": order(),
      "order-shipped": { order: order(), items: [], tracking: [] },
      "refund-issued": { order: order(), amount: "10", note: "damaged" },
      "password-reset": { email: "a@b.co", token: "t" },
      "customer-welcome": { email: "a@b.co", customer_name: "Ana" },
    } as const
    for (const template of EMAIL_TEMPLATES) {
      for (const context of [en, es]) {
        const email = renderEmail(template, data[template] as never, context)
        expect(email.subject).toBeTruthy()
        expect(email.html).toMatch(/^<!DOCTYPE html>/)
        expect(email.html).not.toMatch(/<style/i)
        expect(email.html).toContain("background:#1f2937")
        expect(email.text.trim().length).toBeGreaterThan(20)
      }
    }
  })

  it("a logo from the options replaces the store name; a javascript: URL never gets through", () => {
    const withLogo = renderEmail(
      "customer-welcome",
      { email: "a@b.co", customer_name: "Ana" },
      { ...en, brand: { ...brand, logoUrl: "https://cdn.example/logo.png" } }
    )
    expect(withLogo.html).toContain('src="https://cdn.example/logo.png"')
    const shipped = renderEmail(
      "order-shipped",
      { order: order(), items: [], tracking: [{ url: "javascript:alert(1)" }] },
      en
    )
    expect(shipped.html).not.toMatch(/href="javascript:/i)
    expect(shipped.html).toContain('href="#"')
  })

  it("chooses the language from the order's or customer's locale, English otherwise", () => {
    expect(emailLocale(["es-ES"])).toBe("es")
    expect(emailLocale([null, "ES_mx"])).toBe("es")
    expect(emailLocale(["fr-FR", undefined])).toBe("en")
    expect(emailLocale([], "es")).toBe("es")
  })
})
