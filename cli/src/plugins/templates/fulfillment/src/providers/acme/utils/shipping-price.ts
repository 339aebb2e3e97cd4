/** The flat rate, or nothing when the subtotal reaches the free-shipping threshold (0 = never free). */
export function shippingPrice(subtotal: number, flatRate: number, freeAbove: number): number {
  return freeAbove > 0 && subtotal >= freeAbove ? 0 : flatRate
}
