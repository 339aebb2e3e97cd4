import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { Brand } from "../templates/types"
import type { ResolvedSmtpEmailOptions } from "./options"

/** The store's name from Medusa's store module (what the admin edits), the rest from the plugin's options. */
export async function brandOf(container: MedusaContainer, options: ResolvedSmtpEmailOptions): Promise<Brand> {
  const stores = await container.resolve(Modules.STORE).listStores({}, { select: ["name"], take: 1 })
  return {
    storeName: stores[0]?.name?.trim() || options.storeName,
    logoUrl: options.logoUrl,
    brandColor: options.brandColor,
    storefrontUrl: options.storefrontUrl,
  }
}
