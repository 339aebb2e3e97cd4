import type Medusa from "@medusajs/js-sdk"
import { MADRID_ADDRESS } from "./store"

export const NEW_YORK_ADDRESS = {
  first_name: "John",
  last_name: "Smith",
  address_1: "350 5th Ave",
  city: "New York",
  province: "NY",
  postal_code: "10118",
  country_code: "us",
  phone: "+1 212 000 0000",
}

/**
 * A guest cart ready for payment (item, addresses, shipping method) in the region of the given currency; the
 * payment step is left to the test, which is what payment tests vary.
 */
export async function cartReadyForPayment(
  sdk: Medusa,
  options: { currency?: "eur" | "usd"; quantity?: number; email?: string; variantId?: string } = {}
) {
  const currency = options.currency ?? "eur"
  const { regions } = await sdk.store.region.list()
  const region = regions.find((r) => r.currency_code === currency)!
  const { products } = await sdk.store.product.list({
    region_id: region.id,
    limit: 5,
    fields: "*variants.calculated_price",
  })
  const variant = options.variantId
    ? { id: options.variantId }
    : products.flatMap((product) => product.variants ?? []).find((v: any) => v.calculated_price)!
  const { cart } = await sdk.store.cart.create({ region_id: region.id, email: options.email ?? "buyer@example.com" })
  await sdk.store.cart.createLineItem(cart.id, { variant_id: variant.id, quantity: options.quantity ?? 1 })
  const address = currency === "eur" ? MADRID_ADDRESS : NEW_YORK_ADDRESS
  await sdk.store.cart.update(cart.id, { shipping_address: address, billing_address: address })
  const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cart.id })
  const { cart: ready } = await sdk.store.cart.addShippingMethod(cart.id, { option_id: shipping_options[0].id })
  return { cart: ready, region, variant }
}

/** Starts a payment session with the provider and returns the cart with its payment collection and session. */
export async function startPayment(sdk: Medusa, cartId: string, providerId: string, data?: Record<string, unknown>) {
  const { cart } = await sdk.store.cart.retrieve(cartId)
  const { payment_collection } = await sdk.store.payment.initiatePaymentSession(cart, { provider_id: providerId, data })
  const session = payment_collection.payment_sessions!.find((s) => s.provider_id === providerId)!
  return { cart, paymentCollection: payment_collection, session }
}

/** Polls until the check returns a value (subscribers and webhooks run after the request that caused them). */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 20_000
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) {
      return value
    }
    if (Date.now() > deadline) {
      throw new Error(`condition not met within ${timeoutMs} ms`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
