import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"

/**
 * `POST /store/shipping-options/:id/calculate` with an unknown option id crashes inside Medusa's route with a
 * TypeError (a 500); answer the 404 it should have been.
 */
export async function requireKnownShippingOption(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
): Promise<void> {
  const id = req.params.id
  const options = await req.scope.resolve(Modules.FULFILLMENT).listShippingOptions({ id }, { select: ["id"], take: 1 })
  if (options.length === 0) {
    return next(new MedusaError(MedusaError.Types.NOT_FOUND, `Shipping option with id: ${id} was not found`))
  }
  next()
}
