/**
 * Whether the caller may change this cart before Medusa's own route runs. A cart that belongs to a registered
 * customer is theirs alone; a guest cart is reachable by whoever holds its id (Medusa's model). The plugin decides
 * for itself instead of relying on the host app to have checked ownership first (Tienda's app does; another may not).
 */
export function callerMayChangeCart(
  cart: { customer_id?: string | null; customer?: { has_account?: boolean | null } | null },
  actorId: string | undefined
): boolean {
  if (!cart.customer?.has_account) {
    return true
  }
  return Boolean(actorId) && cart.customer_id === actorId
}
