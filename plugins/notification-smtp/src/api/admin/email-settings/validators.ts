import { z } from "@medusajs/framework/zod"
import { EMAIL_SETTING_RULES } from "../../../utils/email-settings"

/** POST /admin/email-settings: each setting optional; `null` clears it back to the plugin's option. */
export const EmailSettingsBody = z
  .object({
    logo_url: EMAIL_SETTING_RULES.logo_url.nullish(),
    brand_color: EMAIL_SETTING_RULES.brand_color.nullish(),
    merchant_email: EMAIL_SETTING_RULES.merchant_email.nullish(),
  })
  .strict()

export type EmailSettingsBody = z.infer<typeof EmailSettingsBody>
