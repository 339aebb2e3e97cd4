import { html } from "./html"
import { stringsFor } from "./i18n"
import { button, details, heading, layout, paragraph, textDetails } from "./layout"
import { formatMoney } from "./money"
import {
  bankTransferHtml,
  bankTransferText,
  deliveryHtml,
  deliveryText,
  itemName,
  orderItemsHtml,
  orderItemsText,
} from "./order-summary"
import type { RenderContext, RenderedEmail, TemplateData } from "./types"

type Renderer<T> = (data: T, context: RenderContext) => RenderedEmail

const join = (...parts: string[]) => parts.filter(Boolean).join("\n\n") + "\n"

const orderPlaced: Renderer<TemplateData["order-placed"]> = (order, { brand, locale }) => {
  const s = stringsFor(locale)
  const subject = s.orderPlacedSubject(brand.storeName, order.display_id)
  const body = html`${heading(s.orderNumber(order.display_id))}${paragraph(s.hello(order.customer_name))}${paragraph(s.orderPlacedIntro)}${orderItemsHtml(order, s, locale)}${bankTransferHtml(order, s, locale)}${deliveryHtml(order, s)}`
  const text = join(
    s.orderNumber(order.display_id),
    s.hello(order.customer_name),
    s.orderPlacedIntro,
    orderItemsText(order, s, locale),
    bankTransferText(order, s, locale),
    deliveryText(order, s)
  )
  return { subject, html: layout(brand, s, subject, body), text }
}

const merchantNewOrder: Renderer<TemplateData["merchant-new-order"]> = (order, { brand, locale }) => {
  const s = stringsFor(locale)
  const subject = s.merchantSubject(order.display_id, formatMoney(order.total, order.currency_code, locale))
  const body = html`${heading(s.orderNumber(order.display_id))}${paragraph(s.merchantIntro(order.email))}${orderItemsHtml(order, s, locale)}${deliveryHtml(order, s)}`
  const text = join(
    s.orderNumber(order.display_id),
    s.merchantIntro(order.email),
    orderItemsText(order, s, locale),
    deliveryText(order, s)
  )
  return { subject, html: layout(brand, s, subject, body), text }
}

const orderCanceled: Renderer<TemplateData["order-canceled"]> = (order, { brand, locale }) => {
  const s = stringsFor(locale)
  const subject = s.orderCanceledSubject(brand.storeName, order.display_id)
  const body = html`${heading(s.orderNumber(order.display_id))}${paragraph(s.hello(order.customer_name))}${paragraph(s.orderCanceledIntro)}${orderItemsHtml(order, s, locale)}`
  const text = join(
    s.orderNumber(order.display_id),
    s.hello(order.customer_name),
    s.orderCanceledIntro,
    orderItemsText(order, s, locale)
  )
  return { subject, html: layout(brand, s, subject, body), text }
}

const orderShipped: Renderer<TemplateData["order-shipped"]> = (shipment, { brand, locale }) => {
  const s = stringsFor(locale)
  const order = shipment.order
  const subject = s.orderShippedSubject(brand.storeName, order.display_id)
  const items = shipment.items.map((item) => `${String(item.quantity)} × ${itemName(item)}`)
  const tracking = shipment.tracking.filter((t) => t.number || t.url)
  const trackingRows = tracking.map((t): [string, string | null | undefined] => [s.tracking, t.number || t.url])
  const body = html`${heading(s.orderNumber(order.display_id))}${paragraph(s.hello(order.customer_name))}${paragraph(s.orderShippedIntro)}
    <ul style="margin:0 0 16px;padding-left:20px;">
      ${items.map((line) => html`<li>${line}</li>`)}
    </ul>
    ${details([[s.carrier, shipment.carrier], ...trackingRows])}${tracking
      .filter((t) => t.url)
      .map((t) => button(brand, t.url!, s.trackParcel))}`
  const text = join(
    s.orderNumber(order.display_id),
    s.hello(order.customer_name),
    s.orderShippedIntro,
    items.join("\n"),
    textDetails([
      [s.carrier, shipment.carrier],
      ...tracking.map((t): [string, string | null | undefined] => [
        s.tracking,
        [t.number, t.url].filter(Boolean).join(" "),
      ]),
    ])
  )
  return { subject, html: layout(brand, s, subject, body), text }
}

const refundIssued: Renderer<TemplateData["refund-issued"]> = (refund, { brand, locale }) => {
  const s = stringsFor(locale)
  const order = refund.order
  const subject = s.refundSubject(brand.storeName, order.display_id)
  const amount = formatMoney(refund.amount, order.currency_code, locale)
  const body = html`${heading(s.orderNumber(order.display_id))}${paragraph(s.hello(order.customer_name))}${paragraph(s.refundIntro(amount))}${details([[s.refundNote, refund.note]])}`
  const text = join(
    s.orderNumber(order.display_id),
    s.hello(order.customer_name),
    s.refundIntro(amount),
    textDetails([[s.refundNote, refund.note]])
  )
  return { subject, html: layout(brand, s, subject, body), text }
}

/** `${storefrontUrl}/reset-password?token=…&email=…`, both values URL-encoded. */
export function resetPasswordUrl(storefrontUrl: string, token: string, email: string): string {
  return `${storefrontUrl}/reset-password?token=${encodeURIComponent(token)}&email=${encodeURIComponent(email)}`
}

const passwordReset: Renderer<TemplateData["password-reset"]> = (reset, { brand, locale }) => {
  const s = stringsFor(locale)
  const subject = s.resetSubject(brand.storeName)
  const link = resetPasswordUrl(brand.storefrontUrl, reset.token, reset.email)
  const body = html`${paragraph(s.hello(reset.customer_name ?? ""))}${paragraph(s.resetIntro)}${button(brand, link, s.resetButton)}${paragraph(s.resetOutro)}`
  const text = join(s.hello(reset.customer_name ?? ""), s.resetIntro, link, s.resetOutro)
  return { subject, html: layout(brand, s, subject, body), text }
}

const customerWelcome: Renderer<TemplateData["customer-welcome"]> = (welcome, { brand, locale }) => {
  const s = stringsFor(locale)
  const subject = s.welcomeSubject(brand.storeName)
  const account = `${brand.storefrontUrl}/account`
  const body = html`${paragraph(s.hello(welcome.customer_name))}${paragraph(s.welcomeIntro(brand.storeName))}${button(brand, account, s.welcomeButton)}`
  const text = join(s.hello(welcome.customer_name), s.welcomeIntro(brand.storeName), account)
  return { subject, html: layout(brand, s, subject, body), text }
}

const RENDERERS: { [T in keyof TemplateData]: Renderer<TemplateData[T]> } = {
  "order-placed": orderPlaced,
  "merchant-new-order": merchantNewOrder,
  "order-canceled": orderCanceled,
  "order-shipped": orderShipped,
  "refund-issued": refundIssued,
  "password-reset": passwordReset,
  "customer-welcome": customerWelcome,
}

/** Subject, HTML and plain text of one email: a pure function of the template's data, the brand and the language. */
export function renderEmail<T extends keyof TemplateData>(
  template: T,
  data: TemplateData[T],
  context: RenderContext
): RenderedEmail {
  const renderer = RENDERERS[template] as Renderer<TemplateData[T]> | undefined
  if (!renderer) {
    throw new Error(`Unknown email template "${String(template)}"`)
  }
  return renderer(data, context)
}
