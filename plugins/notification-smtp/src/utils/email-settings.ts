import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import type { ResolvedSmtpEmailOptions } from "./options"

/** Where the store keeps what the merchant set in the admin: `store.metadata.tienda_email`. */
export const EMAIL_SETTINGS_METADATA_KEY = "tienda_email"

/** The email settings a merchant changes in the admin; each one unset falls back to the plugin's option. */
export interface EmailSettings {
  logo_url: string | null
  brand_color: string
  merchant_email: string | null
}

/** A change to the saved settings: a value saves it, `null` clears it back to the option, absent leaves it. */
export type EmailSettingsUpdate = { [K in keyof EmailSettings]?: string | null }

const isHttpUrl = (value: string) => {
  try {
    return /^https?:$/.test(new URL(value).protocol) && !/\s/.test(value)
  } catch {
    return false
  }
}

/** What each setting must be: checked on the way in (the admin API) and again on the way out (into an email). */
export const EMAIL_SETTING_RULES = {
  logo_url: z
    .string()
    .trim()
    .max(2048, "logo_url must be at most 2048 characters")
    .refine(isHttpUrl, "logo_url must be an http(s) URL, like https://shop.example.com/logo.png"),
  brand_color: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "brand_color must be a hex colour #rrggbb, like #1f2937"),
  merchant_email: z.string().trim().pipe(z.email("merchant_email must be an email address, like orders@example.com")),
}

const SETTING_NAMES = Object.keys(EMAIL_SETTING_RULES) as (keyof EmailSettings)[]

/** The values from the plugin's options (medusa-config.ts, filled from the environment). */
export function defaultEmailSettings(options: ResolvedSmtpEmailOptions): EmailSettings {
  return {
    logo_url: options.logoUrl ?? null,
    brand_color: options.brandColor,
    merchant_email: options.merchantEmail ?? null,
  }
}

/**
 * The saved values over the defaults. A saved value that breaks its rule (metadata can also be written through
 * Medusa's own store route) is ignored rather than put into an email.
 */
export function effectiveEmailSettings(saved: unknown, defaults: EmailSettings): EmailSettings {
  const values = (saved && typeof saved === "object" ? saved : {}) as Record<string, unknown>
  const valid = (name: keyof EmailSettings) => {
    const parsed = EMAIL_SETTING_RULES[name].safeParse(values[name])
    return parsed.success ? parsed.data : undefined
  }
  return {
    logo_url: valid("logo_url") ?? defaults.logo_url,
    brand_color: valid("brand_color") ?? defaults.brand_color,
    merchant_email: valid("merchant_email") ?? defaults.merchant_email,
  }
}

/** The store's metadata with the update applied to its saved settings; every other key stays as it was. */
export function withEmailSettings(
  metadata: Record<string, unknown> | null | undefined,
  update: EmailSettingsUpdate
): Record<string, unknown> {
  const current = metadata?.[EMAIL_SETTINGS_METADATA_KEY]
  const saved: Record<string, unknown> = current && typeof current === "object" ? { ...current } : {}
  for (const name of SETTING_NAMES) {
    if (update[name] === null) {
      delete saved[name]
    } else if (update[name] !== undefined) {
      saved[name] = update[name]
    }
  }
  return { ...metadata, [EMAIL_SETTINGS_METADATA_KEY]: saved }
}

export interface StoreRecord {
  id: string
  name?: string | null
  metadata?: Record<string, unknown> | null
}

/** The shop's store (Medusa keeps one), with what the emails read from it. */
export async function shopStore(container: MedusaContainer): Promise<StoreRecord | undefined> {
  const [store] = await container
    .resolve(Modules.STORE)
    .listStores({}, { select: ["id", "name", "metadata"], take: 1, order: { created_at: "ASC" } })
  return store
}

/** The settings the emails use now: the merchant's saved values, else the options. */
export function emailSettingsOf(store: StoreRecord | undefined, options: ResolvedSmtpEmailOptions): EmailSettings {
  return effectiveEmailSettings(store?.metadata?.[EMAIL_SETTINGS_METADATA_KEY], defaultEmailSettings(options))
}
