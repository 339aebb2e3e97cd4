import { defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"

/**
 * Only the envelope is checked here; the rows themselves are checked by `validateRateTable`, which reports every
 * problem with the editor's 1-based row numbers.
 */
const RateTableBody = z
  .object({
    rows: z.array(z.record(z.string(), z.unknown())),
    handling_fee: z.record(z.string(), z.unknown()).nullish(),
    free_over: z.record(z.string(), z.unknown()).nullish(),
  })
  .strict()

export default defineMiddlewares({
  routes: [
    {
      matcher: "/admin/table-rates/:shipping_option_id",
      method: ["POST"],
      middlewares: [validateAndTransformBody(RateTableBody as any)],
    },
  ],
})
