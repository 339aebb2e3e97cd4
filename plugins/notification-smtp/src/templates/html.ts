/** Markup that is already safe: only `html` and `raw` make one. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }

/** Text for an HTML element or a quoted attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char])
}

type Interpolated = SafeHtml | string | number | null | undefined | false | Interpolated[]

function render(value: Interpolated): string {
  if (value === null || value === undefined || value === false) {
    return ""
  }
  if (Array.isArray(value)) {
    return value.map(render).join("")
  }
  return value instanceof SafeHtml ? value.value : escapeHtml(String(value))
}

/**
 * Template literal for email markup: every interpolated value is escaped unless it is markup made by `html` itself,
 * so a shopper's name like `<img onerror=…>` arrives as text.
 */
export function html(strings: TemplateStringsArray, ...values: Interpolated[]): SafeHtml {
  return new SafeHtml(
    strings.reduce((out, part, index) => out + part + (index < values.length ? render(values[index]) : ""), "")
  )
}

/** An `href`/`src` value: http(s) and mailto only, anything else (javascript:, data:) becomes "#". */
export function safeUrl(url: string | undefined | null): string {
  return url && /^(https?:\/\/|mailto:)/i.test(url) ? url : "#"
}
