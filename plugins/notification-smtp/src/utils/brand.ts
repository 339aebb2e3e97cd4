import type { MedusaContainer } from "@medusajs/framework/types"
import type { Brand } from "../templates/types"
import { emailSettingsOf, shopStore } from "./email-settings"
import type { ResolvedSmtpEmailOptions } from "./options"

/**
 * The store's name from Medusa's store module (what the admin edits), logo and colour as the merchant set them in
 * the admin (else the options), the links from the options.
 */
export async function brandOf(container: MedusaContainer, options: ResolvedSmtpEmailOptions): Promise<Brand> {
  const store = await shopStore(container)
  const settings = emailSettingsOf(store, options)
  return {
    storeName: store?.name?.trim() || options.storeName,
    logoUrl: settings.logo_url ?? undefined,
    brandColor: settings.brand_color,
    storefrontUrl: options.storefrontUrl,
  }
}
