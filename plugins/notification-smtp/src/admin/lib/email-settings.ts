import { call } from "./api"

export type EmailSettingName = "logo_url" | "brand_color" | "merchant_email"

export interface EmailSettingValues {
  logo_url: string | null
  brand_color: string
  merchant_email: string | null
}

/** What GET and POST /admin/email-settings answer: the values in use, and the options' defaults. */
export interface EmailSettings extends EmailSettingValues {
  defaults: EmailSettingValues
}

export const EMAIL_SETTING_FIELDS: { name: EmailSettingName; label: string; placeholder: string }[] = [
  { name: "logo_url", label: "Logo URL", placeholder: "https://shop.example.com/logo.png" },
  { name: "brand_color", label: "Brand colour", placeholder: "#1f2937" },
  { name: "merchant_email", label: "New-order alerts to", placeholder: "orders@example.com" },
]

/** A hint while typing; the server checks again and its answer is what counts. */
export function hintFor(name: EmailSettingName, value: string): string | null {
  const text = value.trim()
  if (!text) {
    return null
  }
  if (name === "logo_url" && (!/^https?:\/\/\S+$/i.test(text) || text.length > 2048)) {
    return "An http(s) address of an image, up to 2048 characters"
  }
  if (name === "brand_color" && !/^#[0-9a-fA-F]{6}$/.test(text)) {
    return "A hex colour #rrggbb, like #1f2937"
  }
  if (name === "merchant_email" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) {
    return "An email address, like orders@example.com"
  }
  return null
}

/** The form's text per field: the merchant's own value, empty where the default applies. */
export function toForm(settings: EmailSettings): Record<EmailSettingName, string> {
  const own = (name: EmailSettingName) =>
    settings[name] !== null && settings[name] !== settings.defaults[name] ? settings[name] : ""
  return { logo_url: own("logo_url"), brand_color: own("brand_color"), merchant_email: own("merchant_email") }
}

export const loadEmailSettings = () =>
  call<{ email_settings: EmailSettings }>("/admin/email-settings").then((body) => body.email_settings)

/** Saves the form: an empty field goes back to the default. */
export const saveEmailSettings = (form: Record<EmailSettingName, string>) =>
  call<{ email_settings: EmailSettings }>("/admin/email-settings", {
    method: "POST",
    body: JSON.stringify(Object.fromEntries(EMAIL_SETTING_FIELDS.map(({ name }) => [name, form[name].trim() || null]))),
  }).then((body) => body.email_settings)
