import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import Medusa from "@medusajs/js-sdk"

/** The demo store's publishable API key (the seed creates exactly one). */
export async function publishableKey(container: MedusaContainer): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "api_key", fields: ["token"], filters: { type: "publishable" } })
  if (!data[0]) {
    throw new Error("the seed created no publishable API key")
  }
  return data[0].token
}

/** The official JS SDK pointed at the test server, as a Node storefront would configure it. */
export function storeSdk(api: any, key: string): Medusa {
  return new Medusa({
    baseUrl: api.defaults.baseURL,
    publishableKey: key,
    auth: { type: "jwt", jwtTokenStorageMethod: "memory" },
  })
}

/** Errors from axios carry the response; tests assert on its status and message. */
export async function failure(request: Promise<unknown>): Promise<{ status: number; data: any }> {
  try {
    await request
  } catch (error: any) {
    if (!error.response) {
      throw error
    }
    return { status: error.response.status, data: error.response.data }
  }
  throw new Error("the request succeeded but a failure was expected")
}

export const MADRID_ADDRESS = {
  first_name: "Lucía",
  last_name: "Fernández",
  address_1: "Gran Vía 28",
  city: "Madrid",
  postal_code: "28013",
  country_code: "es",
  phone: "+34 600 000 000",
}

/**
 * The whole guest checkout through the JS SDK: cart, line item, addresses, shipping option, payment session with
 * the system provider, complete. Returns the order and what was bought.
 */
export async function guestCheckout(sdk: Medusa, options: { email?: string; quantity?: number; token?: boolean } = {}) {
  const { regions } = await sdk.store.region.list()
  const europe = regions.find((region) => region.currency_code === "eur")!
  const { products } = await sdk.store.product.list({
    region_id: europe.id,
    limit: 5,
    fields: "*variants.calculated_price",
  })
  const variant = products.flatMap((product) => product.variants ?? []).find((v: any) => v.calculated_price)!
  const { cart } = await sdk.store.cart.create({ region_id: europe.id, email: options.email ?? "guest@example.com" })
  await sdk.store.cart.createLineItem(cart.id, { variant_id: variant.id, quantity: options.quantity ?? 2 })
  await sdk.store.cart.update(cart.id, { shipping_address: MADRID_ADDRESS, billing_address: MADRID_ADDRESS })
  const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cart.id })
  const { cart: shipped } = await sdk.store.cart.addShippingMethod(cart.id, { option_id: shipping_options[0].id })
  await sdk.store.payment.initiatePaymentSession(shipped, { provider_id: "pp_system_default" })
  const completed = await sdk.store.cart.complete(cart.id)
  if (completed.type !== "order") {
    throw new Error(`checkout did not complete: ${JSON.stringify(completed.error)}`)
  }
  return { order: completed.order, variant, shippingOption: shipping_options[0], region: europe }
}
