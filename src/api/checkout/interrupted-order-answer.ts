import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { rollBackInterruptedCompletion } from "../../lib/checkout/interrupted-completions"
import { toSafeErrorResponse } from "../security/error-response"
import { requestIdOf } from "../security/request-id"

export const SETTLING_RETRY_AFTER_SECONDS = 5

/** The refusal a shopper gets while the cart's completion, cut off before its payment, is being undone. */
export function settlingError(): MedusaError {
  return new MedusaError(
    MedusaError.Types.CONFLICT,
    "This cart's completion was cut off before its payment and is being settled: send it again shortly"
  )
}

/**
 * Medusa's completion answers with the order it finds linked to the cart, without asking whether that order was
 * paid: when the process that wrote it died before the payment (lib/checkout/interrupted-completions.ts), the
 * route would tell the shopper of an order that took no money. A check before the route cannot close this alone:
 * the route waits up to 30 s for the cart's lock, which the dead process held until its expiry, and finds the
 * order once it gets it. So the answer itself is checked. An order answered with no payment and no payment on its
 * way is undone (once older than the lock) and the shopper is asked to send the completion again (409 with
 * Retry-After), which then completes the cart from the start.
 */
export function refuseInterruptedOrder(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
  const json = res.json.bind(res)
  res.json = ((body: any) => {
    if (res.statusCode !== 200 || body?.type !== "order") {
      return json(body)
    }
    rollBackInterruptedCompletion(req.scope, String(req.params.id), "retry").then(
      (outcome) => (outcome === "none" ? json(body) : refuse(req, res, json, settlingError())),
      (error) => refuse(req, res, json, error)
    )
    return res
  }) as typeof res.json
  next()
}

function refuse(req: MedusaRequest, res: MedusaResponse, json: (body: unknown) => unknown, error: unknown): void {
  const requestId = requestIdOf(req)
  const { status, body, retryAfterSeconds } = toSafeErrorResponse(error, requestId)
  if (status >= 500) {
    req.scope
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`request_id=${requestId} undoing the cart's interrupted completion failed: ${(error as Error)?.stack}`)
  }
  res.setHeader("Retry-After", String(retryAfterSeconds ?? SETTLING_RETRY_AFTER_SECONDS))
  res.status(status)
  json(body)
}
