import { html, type SafeHtml } from "./html"
import type { Strings } from "./i18n"
import { details, subheading, textDetails } from "./layout"
import { formatMoney, isNonZero } from "./money"
import type { EmailAddress, OrderEmail } from "./types"

const CELL = "padding:6px 8px;border-bottom:1px solid #e5e7eb;"

export function itemName(item: { title: string; variant?: string | null }): string {
  return item.variant && item.variant !== item.title ? `${item.title} (${item.variant})` : item.title
}

export function addressLines(address: EmailAddress | null | undefined): string[] {
  if (!address) {
    return []
  }
  const cityLine = [address.postal_code, address.city, address.province].filter(Boolean).join(" ")
  return [
    address.name,
    address.company,
    address.address_1,
    address.address_2,
    cityLine,
    address.country_code?.toUpperCase(),
  ]
    .map((line) => (line ?? "").trim())
    .filter(Boolean)
}

export function paymentMethodLabel(strings: Strings, method: string | null | undefined): string | undefined {
  return method ? (strings.paymentMethods[method] ?? method) : undefined
}

function totals(order: OrderEmail, strings: Strings, locale: string): [string, string][] {
  const money = (amount: OrderEmail["total"]) => formatMoney(amount, order.currency_code, locale)
  const rows: [string, string][] = [
    [strings.subtotal, money(order.subtotal)],
    [strings.shipping, money(order.shipping_total)],
  ]
  if (isNonZero(order.discount_total)) {
    rows.push([strings.discount, `-${money(order.discount_total)}`])
  }
  rows.push([strings.tax, money(order.tax_total)], [strings.total, money(order.total)])
  return rows
}

/** Items with quantities and prices, then subtotal, shipping, discount, tax and total, in the order's currency. */
export function orderItemsHtml(order: OrderEmail, strings: Strings, locale: string): SafeHtml {
  const money = (amount: OrderEmail["total"]) => formatMoney(amount, order.currency_code, locale)
  const rows = order.items.map(
    (item) =>
      html`<tr>
        <td style="${CELL}">${itemName(item)}</td>
        <td style="${CELL}text-align:center;">${String(item.quantity)}</td>
        <td style="${CELL}text-align:right;">${money(item.unit_price)}</td>
        <td style="${CELL}text-align:right;">${money(item.total)}</td>
      </tr>`
  )
  const totalRows = totals(order, strings, locale).map(
    ([label, value], index, all) =>
      html`<tr>
        <td colspan="3" style="padding:4px 8px;text-align:right;${index === all.length - 1 ? "font-weight:bold;" : ""}">
          ${label}
        </td>
        <td style="padding:4px 8px;text-align:right;${index === all.length - 1 ? "font-weight:bold;" : ""}">
          ${value}
        </td>
      </tr>`
  )
  return html`<table
    role="presentation"
    width="100%"
    cellpadding="0"
    cellspacing="0"
    style="border-collapse:collapse;margin:0 0 16px;"
  >
    <tr>
      <th align="left" style="${CELL}color:#6b7280;">${strings.item}</th>
      <th style="${CELL}color:#6b7280;">${strings.quantity}</th>
      <th align="right" style="${CELL}color:#6b7280;">${strings.price}</th>
      <th align="right" style="${CELL}color:#6b7280;">${strings.total}</th>
    </tr>
    ${rows}${totalRows}
  </table>`
}

export function orderItemsText(order: OrderEmail, strings: Strings, locale: string): string {
  const money = (amount: OrderEmail["total"]) => formatMoney(amount, order.currency_code, locale)
  const lines = order.items.map(
    (item) => `${String(item.quantity)} × ${itemName(item)}: ${money(item.unit_price)} = ${money(item.total)}`
  )
  const sums = totals(order, strings, locale).map(([label, value]) => `${label}: ${value}`)
  return [...lines, "", ...sums].join("\n")
}

/** Shipping method and address, payment method. */
export function deliveryHtml(order: OrderEmail, strings: Strings): SafeHtml {
  const address = addressLines(order.shipping_address)
  return details([
    [strings.shippingMethod, order.shipping_methods.join(", ")],
    [
      strings.shippingAddress,
      address.length ? html`${address.map((line, i) => html`${i ? html`<br />` : ""}${line}`)}` : null,
    ],
    [strings.paymentMethod, paymentMethodLabel(strings, order.payment_method)],
  ])
}

export function deliveryText(order: OrderEmail, strings: Strings): string {
  return textDetails([
    [strings.shippingMethod, order.shipping_methods.join(", ")],
    [strings.shippingAddress, addressLines(order.shipping_address).join(", ")],
    [strings.paymentMethod, paymentMethodLabel(strings, order.payment_method)],
  ])
}

function bankRows(order: OrderEmail, strings: Strings): [string, string | null | undefined][] {
  const bank = order.bank_transfer ?? {}
  return [
    [strings.accountHolder, bank.account_holder],
    [strings.iban, bank.iban],
    [strings.bic, bank.bic],
    [strings.bank, bank.bank_name],
    [strings.reference, bank.reference],
  ]
}

/** What a bank-transfer customer needs to pay: the account, the amount and the payment reference. */
export function bankTransferHtml(order: OrderEmail, strings: Strings, locale: string): SafeHtml | "" {
  if (!order.bank_transfer?.iban) {
    return ""
  }
  const amount = formatMoney(order.total, order.currency_code, locale)
  return html`${subheading(strings.bankTransferTitle)}
    <p style="margin:0 0 8px;">${strings.bankTransferIntro(amount)}</p>
    ${details(bankRows(order, strings))}
    <p style="margin:0 0 16px;">${strings.bankTransferOutro}</p>`
}

export function bankTransferText(order: OrderEmail, strings: Strings, locale: string): string {
  if (!order.bank_transfer?.iban) {
    return ""
  }
  const amount = formatMoney(order.total, order.currency_code, locale)
  return [
    strings.bankTransferTitle,
    strings.bankTransferIntro(amount),
    textDetails(bankRows(order, strings)),
    strings.bankTransferOutro,
  ].join("\n")
}
