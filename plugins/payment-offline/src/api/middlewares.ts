import {
  defineMiddlewares,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  validateAndTransformBody,
} from "@medusajs/framework/http"
import { applyCashOnDeliveryFeeAtCompletion } from "./cash-on-delivery-at-completion"
import { NoBody } from "./operations"

// Medusa types a route's middlewares for any request; on this store route `auth_context` exists only for a
// logged-in customer, which the handler allows for.
const atCompletion = applyCashOnDeliveryFeeAtCompletion as (
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) => Promise<void>

export default defineMiddlewares({
  routes: [
    {
      matcher: "/admin/orders/:id/offline-payment/mark-paid",
      method: ["POST"],
      middlewares: [validateAndTransformBody(NoBody)],
    },
    { matcher: "/store/carts/:id/cash-on-delivery", method: ["POST"], middlewares: [validateAndTransformBody(NoBody)] },
    // A cart paying cash on delivery is completed with its fee, whether or not the storefront asked for it.
    { matcher: "/store/carts/:id/complete", method: ["POST"], middlewares: [atCompletion] },
  ],
})
