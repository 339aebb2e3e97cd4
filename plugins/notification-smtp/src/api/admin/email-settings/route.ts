import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { updateStoresWorkflow } from "@medusajs/medusa/core-flows"
import { defaultEmailSettings, emailSettingsOf, shopStore, withEmailSettings } from "../../../utils/email-settings"
import { pluginOptions } from "../../../utils/plugin-options"
import type { EmailSettingsBody } from "./validators"

/** GET /admin/email-settings: the logo, colour and alert address the emails use now, and the options' defaults. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ email_settings: await answer(req) })
}

/**
 * POST /admin/email-settings: saves the given settings into the store's `metadata.tienda_email` (the store's other
 * metadata stays); `null` clears one back to its default. Answers as GET does.
 */
export const POST = async (req: AuthenticatedMedusaRequest<EmailSettingsBody>, res: MedusaResponse) => {
  const store = await shopStore(req.scope)
  if (!store) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "The shop has no store to keep email settings in")
  }
  await updateStoresWorkflow(req.scope).run({
    input: { selector: { id: store.id }, update: { metadata: withEmailSettings(store.metadata, req.validatedBody) } },
  })
  res.json({ email_settings: await answer(req) })
}

async function answer(req: AuthenticatedMedusaRequest<unknown>) {
  const options = pluginOptions(req.scope)
  return { ...emailSettingsOf(await shopStore(req.scope), options), defaults: defaultEmailSettings(options) }
}
