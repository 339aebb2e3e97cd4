import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { matchRoute, routePathOf } from "../edge/route-path"
import { guestOrdersNeedToken, isValidOrderToken, jwtSecretOf, ORDER_TOKEN_HEADER } from "./order-token"

/**
 * Owner-only access to the carts and orders of registered customers, for every `/store` route that names one: in the
 * path (`/store/carts/:id/…`, `/store/orders/:id/…`), or as `cart_id` / `order_id` in the query or body (shipping
 * options, returns), and through a payment collection (`/store/payment-collections/:id/…`: its cart's or order's
 * owner). A cart or order whose customer has an account answers only to that customer's token; anyone else gets the
 * same 404 as an unknown id, so ids cannot be probed. Paths are read as Express routes them (edge/route-path.ts):
 * `/store/Orders/x/` is `/store/orders/x`.
 *
 * Guest carts and orders keep Medusa's model: the unguessable id is the capability (the JS SDK flows depend on it).
 * With TIENDA_GUEST_ORDER_ACCESS=token a guest order also needs its order token. Order transfer requests are refused
 * unless the requesting customer's email is the order's email.
 */
export async function enforceOwnership(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
): Promise<void> {
  const path = routePathOf(req)
  const query = (req.query ?? {}) as Record<string, unknown>
  const body = req.body && typeof req.body === "object" ? (req.body as Record<string, unknown>) : {}
  const auth = (req as MedusaRequest & { auth_context?: { actor_type?: string; actor_id?: string } }).auth_context
  const actor = auth?.actor_type === "customer" && auth.actor_id ? auth.actor_id : undefined

  const cartIds = new Set<string>()
  const pathCart = matchRoute("/store/carts/:id", path, { prefix: true })?.id
  if (pathCart) cartIds.add(pathCart)
  for (const value of [query.cart_id, body.cart_id]) {
    if (typeof value === "string" && value) cartIds.add(value)
  }
  for (const id of cartIds) {
    await checkCart(req, id, actor)
  }
  const line = matchRoute("/store/carts/:id/line-items/:line_id", path)
  if (line && req.method === "DELETE") {
    await checkLineOfCart(req, line.id, line.line_id)
  }

  const order = matchRoute("/store/orders/:id", path, { prefix: true })
  if (order) {
    const sub = path.lower.slice(3).join("/")
    // accept/decline carry the transfer token mailed to the order's address: that token is the capability there.
    if (sub !== "transfer/accept" && sub !== "transfer/decline") {
      await checkOrder(req, order.id, actor, { transferRequest: sub === "transfer/request" })
    }
  }
  if (typeof body.order_id === "string" && body.order_id) {
    await checkOrder(req, body.order_id, actor, { transferRequest: false })
  }

  const collection = matchRoute("/store/payment-collections/:id", path, { prefix: true })?.id
  if (collection) {
    await checkPaymentCollection(req, collection, actor)
  }

  const cartWrite = matchRoute("/store/carts", path) ?? matchRoute("/store/carts/:id", path)
  if (!actor && req.method === "POST" && cartWrite && typeof body.email === "string") {
    await refuseAccountEmailForAnonymous(req, body.email)
  }
  next()
}

/** Medusa deletes a line item by its id alone: the line of another cart would go. */
async function checkLineOfCart(req: MedusaRequest, cartId: string, lineId: string): Promise<void> {
  const lines = await req.scope
    .resolve(Modules.CART)
    .listLineItems({ id: lineId, cart_id: cartId }, { select: ["id"], take: 1 })
  if (lines.length === 0) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Line item with id: ${lineId} was not found`)
  }
}

/** A payment collection belongs to its cart (or order): the same owner rules apply. */
async function checkPaymentCollection(req: MedusaRequest, id: string, actor: string | undefined): Promise<void> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment_collection",
    fields: ["id", "cart.id", "order.id"],
    filters: { id },
  })
  const collection = data[0] as { cart?: { id?: string } | null; order?: { id?: string } | null } | undefined
  if (!collection) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payment collection with id: ${id} was not found`)
  }
  if (collection.cart?.id) {
    await checkCart(req, collection.cart.id, actor)
  }
  if (collection.order?.id) {
    await checkOrder(req, collection.order.id, actor, { transferRequest: false })
  }
}

async function checkCart(req: MedusaRequest, id: string, actor: string | undefined): Promise<void> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "customer.id", "customer.has_account"],
    filters: { id },
  })
  const cart = data[0] as { customer_id?: string | null; customer?: { has_account?: boolean } | null } | undefined
  if (!cart || (cart.customer?.has_account && cart.customer_id !== actor)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${id} was not found`)
  }
}

async function checkOrder(
  req: MedusaRequest,
  id: string,
  actor: string | undefined,
  options: { transferRequest: boolean }
): Promise<void> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "email", "customer_id", "customer.id", "customer.has_account"],
    filters: { id, is_draft_order: false },
  })
  const order = data[0] as
    { email?: string | null; customer_id?: string | null; customer?: { has_account?: boolean } | null } | undefined
  const notFound = new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${id} was not found`)
  if (!order) {
    throw notFound
  }
  if (order.customer?.has_account) {
    if (order.customer_id !== actor) {
      throw notFound
    }
    return
  }
  if (options.transferRequest) {
    const email = actor ? await customerEmail(req, actor) : undefined
    if (!email || !order.email || email.toLowerCase() !== order.email.toLowerCase()) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "Only the customer whose account email is the order's email can request the transfer of a guest order"
      )
    }
    return
  }
  if (guestOrdersNeedToken() && !isValidOrderToken(id, req.headers[ORDER_TOKEN_HEADER], jwtSecretOf(req))) {
    throw notFound
  }
}

async function customerEmail(req: MedusaRequest, customerId: string): Promise<string | undefined> {
  const customers = await req.scope
    .resolve(Modules.CUSTOMER)
    .listCustomers({ id: customerId }, { select: ["id", "email"] })
  return customers[0]?.email ?? undefined
}

/**
 * Medusa links a cart to the registered customer whose email it is given, even for an anonymous caller; the cart would
 * then belong to that account and be closed to its creator. An anonymous caller must log in to use an account's email.
 */
async function refuseAccountEmailForAnonymous(req: MedusaRequest, email: string): Promise<void> {
  const customers = await req.scope
    .resolve(Modules.CUSTOMER)
    .listCustomers({ email: email.trim().toLowerCase(), has_account: true }, { select: ["id"], take: 1 })
  if (customers.length > 0) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "email belongs to a customer account: log in to check out with it, or use another email"
    )
  }
}
