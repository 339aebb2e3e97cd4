import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PLUGIN_NAME } from "./constants"
import { type ResolvedSmtpEmailOptions, resolveOptions } from "./options"

/** The options the app registered the plugin with (`plugins: [{ resolve: "@tienda/notification-smtp", options }]`). */
export function pluginOptions(container: MedusaContainer): ResolvedSmtpEmailOptions {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const entry = (config.plugins ?? []).find(
    (plugin: string | { resolve: string }) => (typeof plugin === "string" ? plugin : plugin.resolve) === PLUGIN_NAME
  )
  return resolveOptions(typeof entry === "object" ? (entry as { options?: object }).options : undefined)
}
