import { html, safeUrl, type SafeHtml } from "./html"
import type { Strings } from "./i18n"
import type { Brand } from "./types"

const FONT = "font-family:Helvetica,Arial,sans-serif;"

/**
 * The frame of every email: a 600 px table (what Outlook and Gmail lay out reliably), styles inline (mail clients
 * drop <style> blocks), the logo or the store name in the brand colour on top, the footer below.
 */
export function layout(brand: Brand, strings: Strings, title: string, body: SafeHtml): string {
  const header = brand.logoUrl
    ? html`<img
        src="${safeUrl(brand.logoUrl)}"
        alt="${brand.storeName}"
        height="40"
        style="display:block;border:0;height:40px;"
      />`
    : html`<span style="${FONT}font-size:22px;font-weight:bold;color:#ffffff;">${brand.storeName}</span>`
  return html`<!DOCTYPE html>
    <html>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width" />
        <title>${title}</title>
      </head>
      <body style="margin:0;padding:0;background:#f3f4f6;">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6;">
          <tr>
            <td align="center" style="padding:24px 8px;">
              <table
                role="presentation"
                width="600"
                cellpadding="0"
                cellspacing="0"
                style="max-width:600px;width:100%;background:#ffffff;border-radius:6px;"
              >
                <tr>
                  <td style="background:${brand.brandColor};padding:20px 24px;border-radius:6px 6px 0 0;">${header}</td>
                </tr>
                <tr>
                  <td style="padding:24px;${FONT}font-size:15px;line-height:1.5;color:#111827;">${body}</td>
                </tr>
                <tr>
                  <td style="padding:16px 24px;${FONT}font-size:12px;color:#6b7280;border-top:1px solid #e5e7eb;">
                    ${strings.footer(brand.storeName)}
                  </td>
                </tr>
              </table>
            </td>
          </tr>
        </table>
      </body>
    </html>`.value
}

export function paragraph(content: SafeHtml | string): SafeHtml {
  return html`<p style="margin:0 0 16px;">${content}</p>`
}

export function heading(text: string): SafeHtml {
  return html`<h1 style="margin:0 0 16px;${FONT}font-size:20px;color:#111827;">${text}</h1>`
}

export function subheading(text: string): SafeHtml {
  return html`<h2 style="margin:24px 0 8px;${FONT}font-size:16px;color:#111827;">${text}</h2>`
}

export function button(brand: Brand, href: string, label: string): SafeHtml {
  return html`<p style="margin:24px 0;">
    <a
      href="${safeUrl(href)}"
      style="display:inline-block;background:${brand.brandColor};color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:4px;font-weight:bold;"
      >${label}</a
    >
  </p>`
}

/** Label/value rows (bank details, tracking), as a two-column table. */
export function details(rows: [string, string | SafeHtml | null | undefined][]): SafeHtml {
  const shown = rows.filter(([, value]) => value)
  return html`<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px;">
    ${shown.map(
      ([label, value]) =>
        html`<tr>
          <td style="padding:2px 16px 2px 0;color:#6b7280;">${label}</td>
          <td style="padding:2px 0;font-weight:bold;">${value}</td>
        </tr>`
    )}
  </table>`
}

/** Plain-text label/value lines. */
export function textDetails(rows: [string, string | null | undefined][]): string {
  return rows
    .filter(([, value]) => value)
    .map(([label, value]) => `${label}: ${value}`)
    .join("\n")
}
