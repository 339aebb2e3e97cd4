import { defineMiddlewares, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { QuotesQuery, RateTableBody } from "./operations"

export default defineMiddlewares({
  routes: [
    {
      matcher: "/admin/table-rates/:shipping_option_id",
      method: ["POST"],
      middlewares: [validateAndTransformBody(RateTableBody as any)],
    },
    {
      matcher: "/store/table-rates/quotes",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(QuotesQuery, {})],
    },
  ],
})
