import { Modules } from "@medusajs/framework/utils"
import type { RunnerContext } from "../../helpers/test-runner"
import { cartReadyForPayment } from "../../helpers/checkout"
import { publishableKey, storeSdk } from "../../helpers/store"

/**
 * Payment session data belongs to the provider: what a shopper sends as `data` when starting a session keeps only
 * the keys the provider declares (src/api/payments/session-data.ts), on every spelling of the route Express
 * dispatches. Without it Medusa stores the shopper's keys beside the provider's own (capture ids, settlement dates).
 */
export function securityPaymentsSuite({ api, getContainer }: RunnerContext): void {
  let key: string
  let store: { headers: Record<string, string> }

  beforeEach(async () => {
    key = await publishableKey(getContainer())
    store = { headers: { "x-publishable-api-key": key } }
  })

  const forged = {
    capture_ids: ["CAP-FORGED"],
    authorization_id: "AUTH-FORGED",
    status: "COMPLETED",
    settled_at: "2026-01-01T00:00:00.000Z",
    reference: "RF00FORGED",
    anything: { nested: true },
    payment_method: "pm_card_visa",
  }

  async function storedSessions(collectionId: string) {
    const payments = getContainer().resolve(Modules.PAYMENT)
    return payments.listPaymentSessions(
      { payment_collection_id: collectionId },
      { select: ["id", "provider_id", "data"] }
    )
  }

  async function paymentCollectionOf(cartId: string): Promise<string> {
    const { data } = await api.post("/store/payment-collections", { cart_id: cartId }, store)
    return data.payment_collection.id
  }

  it("drops every undeclared key of a shopper's data before Medusa stores the session, on any spelling", async () => {
    const spellings = [
      (id: string) => `/store/payment-collections/${id}/payment-sessions`,
      (id: string) => `/STORE/Payment-Collections/${id}/PAYMENT-SESSIONS/`,
      (id: string) => `/store/Payment-Collections/${id}/payment-sessions/?fields=id`,
    ]
    for (const spelling of spellings) {
      for (const provider of ["pp_system_default", "pp_bank-transfer_offline", "pp_cash-on-delivery_offline"]) {
        const { cart } = await cartReadyForPayment(storeSdk(api, key))
        const collectionId = await paymentCollectionOf(cart.id)
        const response = await api.post(spelling(collectionId), { provider_id: provider, data: forged }, store)
        expect(response.status).toBe(200)
        const sessions = await storedSessions(collectionId)
        expect(sessions).toHaveLength(1)
        expect(sessions[0].provider_id).toBe(provider)
        const where = `${provider} via ${spelling(collectionId)}`
        const stored = sessions[0].data ?? {}
        const leaked = Object.keys(forged).filter(
          (name) => JSON.stringify(stored[name]) === JSON.stringify((forged as any)[name])
        )
        expect([where, leaked]).toEqual([where, []])
        expect([where, Object.keys(stored).filter((name) => name in forged && name !== "reference")]).toEqual([
          where,
          [],
        ])
      }
    }
  })

  it("keeps the JS SDK's flow (no data) working and still refuses a data that is not an object", async () => {
    const sdk = storeSdk(api, key)
    const { cart } = await cartReadyForPayment(sdk)
    const { payment_collection } = await sdk.store.payment.initiatePaymentSession(cart, {
      provider_id: "pp_bank-transfer_offline",
    })
    expect(payment_collection.payment_sessions?.[0]?.data?.reference).toMatch(/^RF/)
    const refused = await api
      .post(
        `/store/payment-collections/${payment_collection.id}/payment-sessions`,
        { provider_id: "pp_system_default", data: ["capture_ids"] },
        store
      )
      .catch((error: any) => error.response)
    expect(refused.status).toBe(400)
  })
}
