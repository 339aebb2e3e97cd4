import { createHmac, timingSafeEqual } from "node:crypto"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { settings } from "../../lib/settings"

/**
 * Order tokens: an HMAC of the order id under the server's JWT secret. Returned as `order_token` by a successful
 * `POST /store/carts/:id/complete`; with TIENDA_GUEST_ORDER_ACCESS=token, a guest order is readable only with it
 * (header `x-order-token`). Nothing is stored: the token can be recomputed, never guessed without the secret.
 */
export const ORDER_TOKEN_HEADER = "x-order-token"

export function orderToken(orderId: string, secret: string): string {
  return createHmac("sha256", secret).update(`tienda-order:${orderId}`).digest("base64url")
}

export function isValidOrderToken(orderId: string, token: unknown, secret: string): boolean {
  if (typeof token !== "string" || token.length === 0 || token.length > 100) {
    return false
  }
  const expected = Buffer.from(orderToken(orderId, secret))
  const given = Buffer.from(token)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

export function jwtSecretOf(req: MedusaRequest): string {
  const config = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const secret = config.projectConfig.http.jwtSecret
  if (typeof secret !== "string") {
    throw new Error("projectConfig.http.jwtSecret must be a string to sign order tokens")
  }
  return secret
}

/** Whether guest orders need their token (`token`) or only their id (`open`, Medusa's model; the default). */
export function guestOrdersNeedToken(): boolean {
  return settings().orders.guestOrderAccess === "token"
}

/** Adds `order_token` to the answer of a cart completion that produced an order. */
export function attachOrderToken(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
  const json = res.json.bind(res)
  res.json = ((body: any) => {
    if (body && body.type === "order" && typeof body.order?.id === "string") {
      body = { ...body, order_token: orderToken(body.order.id, jwtSecretOf(req)) }
    }
    return json(body)
  }) as typeof res.json
  next()
}
