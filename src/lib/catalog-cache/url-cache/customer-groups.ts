import type { MedusaRequest } from "@medusajs/framework/http"
import { getAuthContextFromJwtToken } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * The part of the cache key that stands for who is asking: "" for an anonymous request, `groups:<ids>` for a
 * logged-in customer (catalog answers differ only by customer group, through price lists, and carry no personal
 * data), or null when the request must not be cached at all: a token that does not verify, a token of anything
 * but a customer with an account (registration tokens have no actor yet), or a session cookie.
 */
export async function customerGroupKey(req: MedusaRequest): Promise<string | null> {
  const authorization = req.headers.authorization
  if (req.headers.cookie) {
    return null
  }
  if (!authorization) {
    return ""
  }
  const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  const context = getAuthContextFromJwtToken(
    authorization,
    http.jwtSecret as string,
    ["bearer"],
    ["customer"],
    http.jwtPublicKey,
    http.jwtVerifyOptions ?? http.jwtOptions
  ) as { actor_id?: string } | null
  if (!context?.actor_id) {
    return null
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "groups.id"],
    filters: { id: context.actor_id },
  })
  if (!data[0]) {
    return null
  }
  const groups = (data[0].groups ?? []).flatMap((group) => (group ? [group.id] : [])).sort()
  return `groups:${groups.join(",")}`
}
