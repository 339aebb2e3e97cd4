import { defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http"
import { EmailSettingsBody } from "./admin/email-settings/validators"

export default defineMiddlewares({
  routes: [
    {
      matcher: "/admin/email-settings",
      method: ["POST"],
      middlewares: [validateAndTransformBody(EmailSettingsBody)],
    },
  ],
})
