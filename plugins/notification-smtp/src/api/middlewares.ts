import { defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http"
import { EmailSettingsBody } from "./admin/email-settings/validators"
import { NoBody } from "./operations"

export default defineMiddlewares({
  routes: [
    {
      matcher: "/admin/email-settings",
      method: ["POST"],
      middlewares: [validateAndTransformBody(EmailSettingsBody)],
    },
    { matcher: "/admin/emails/:id/resend", method: ["POST"], middlewares: [validateAndTransformBody(NoBody)] },
  ],
})
