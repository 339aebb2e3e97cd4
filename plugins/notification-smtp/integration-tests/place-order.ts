import type Medusa from "@medusajs/js-sdk"
import { cartReadyForPayment, startPayment } from "../../../integration-tests/helpers/checkout"

const BANK_TRANSFER = "pp_bank-transfer_offline"

/** A guest order of two items paid by bank transfer, placed through the store API; with its payment session. */
export async function placeBankTransferOrder(sdk: Medusa, email: string) {
  const { cart } = await cartReadyForPayment(sdk, { email, quantity: 2 })
  const { session } = await startPayment(sdk, cart.id, BANK_TRANSFER)
  const completed = await sdk.store.cart.complete(cart.id)
  if (completed.type !== "order") {
    throw new Error(`checkout failed: ${JSON.stringify(completed.error)}`)
  }
  return { order: completed.order as any, session }
}
