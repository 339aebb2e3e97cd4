import { integrationTestRunner } from "../../../integration-tests/helpers/test-runner"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { seedDemoStore } from "../../../src/scripts/seed"
import { adminHeaders, createAdmin } from "../../../integration-tests/helpers/admin"
import { failure, publishableKey, storeSdk } from "../../../integration-tests/helpers/store"
import { cartReadyForPayment, eventually, startPayment } from "../../../integration-tests/helpers/checkout"
import { isValidPaymentReference } from "../src/utils/payment-reference"
import { cancelUnpaidBankTransfers } from "../src/jobs/cancel-unpaid-bank-transfers"

jest.setTimeout(180_000)

const BANK = "pp_bank-transfer_offline"
const COD = "pp_cash-on-delivery_offline"
const DAY = 24 * 60 * 60 * 1000

// The runner loads medusa-config.ts before it applies its `env` option, so the config's variables are set here
// (jest gives each test file its own copy of process.env).
process.env.OFFLINE_COD_FEE = "eur:2.5,usd:3"
process.env.OFFLINE_AUTO_CANCEL_DAYS = "7"

/**
 * Bank transfer and cash on delivery through the real store and admin APIs: the demo regions offer both, the
 * customer gets bank details and an RF reference, the order waits for the money, the merchant marks it paid
 * (a capture), the fee is charged for cash on delivery, and unpaid transfers are cancelled by the job.
 */
integrationTestRunner({
  template: "seeded",
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let sdk: ReturnType<typeof storeSdk>
    let key: string
    let admin: { headers: Record<string, string> }

    beforeAll(async () => {
      await seedDemoStore(getContainer())
      await createAdmin(getContainer())
    })

    beforeEach(async () => {
      key = await publishableKey(getContainer())
      sdk = storeSdk(api, key)
      admin = await adminHeaders(api)
    })

    async function placeOrder(provider: string, options: { currency?: "eur" | "usd"; quantity?: number } = {}) {
      const { cart } = await cartReadyForPayment(sdk, options)
      if (provider === COD) {
        await api.post(`/store/carts/${cart.id}/cash-on-delivery`, {}, { headers: { "x-publishable-api-key": key } })
      }
      const { session } = await startPayment(sdk, cart.id, provider)
      const completed = await sdk.store.cart.complete(cart.id)
      if (completed.type !== "order") {
        throw new Error(`checkout failed: ${JSON.stringify(completed.error)}`)
      }
      return { order: completed.order, session, cartId: cart.id }
    }

    async function adminOrder(id: string) {
      const { data } = await api.get(`/admin/orders/${id}?fields=id,status,payment_status,total,metadata`, admin)
      return data.order
    }

    it("offers bank transfer and cash on delivery in both demo regions", async () => {
      const { regions } = await sdk.store.region.list()
      expect(regions.map((r) => r.currency_code).sort()).toEqual(["eur", "usd"])
      for (const region of regions) {
        const { payment_providers } = await sdk.store.payment.listPaymentProviders({ region_id: region.id })
        expect(payment_providers.map((p) => p.id)).toEqual(expect.arrayContaining([BANK, COD, "pp_system_default"]))
      }
    })

    it("bank transfer: shows bank details and an RF reference, places the order awaiting payment, marks it paid once", async () => {
      const { order, session } = await placeOrder(BANK)
      const reference = session.data.reference as string
      expect(isValidPaymentReference(reference)).toBe(true)
      expect(session.data.bank_account).toMatchObject({
        account_holder: "Tienda Demo S.L.",
        iban: "ES91 2100 0418 4502 0005 1332",
      })
      expect(session.data.auto_cancel_after_days).toBe(7)

      expect(await adminOrder(order.id)).toMatchObject({ status: "pending", payment_status: "authorized" })
      // The order.placed subscriber copies the reference where the confirmation page and emails can read it.
      const withReference = await eventually(async () => {
        const current = await adminOrder(order.id)
        return current.metadata?.payment_reference ? current : undefined
      })
      expect(withReference.metadata).toMatchObject({ payment_method: "bank-transfer", payment_reference: reference })

      const { data: before } = await api.get(`/admin/orders/${order.id}/offline-payment`, admin)
      expect(before.offline_payment).toMatchObject({
        method: "bank-transfer",
        reference,
        status: "awaiting",
        captured_amount: 0,
      })
      expect(before.offline_payment.amount).toBeCloseTo(Number(order.total), 2)

      const { data: paid } = await api.post(`/admin/orders/${order.id}/offline-payment/mark-paid`, {}, admin)
      expect(paid.offline_payment).toMatchObject({ status: "paid", reference })
      expect(paid.offline_payment.captured_amount).toBeCloseTo(Number(order.total), 2)
      expect(await adminOrder(order.id)).toMatchObject({ payment_status: "captured" })

      const again = await failure(api.post(`/admin/orders/${order.id}/offline-payment/mark-paid`, {}, admin))
      expect(again.status).toBe(409)
      expect(again.data.message).toMatch(/already marked as paid/)
      const { data: after } = await api.get(`/admin/orders/${order.id}/offline-payment`, admin)
      expect(after.offline_payment.captured_amount).toBeCloseTo(Number(order.total), 2)
    })

    it("cash on delivery: adds the fee once, charges it, and is marked paid on delivery", async () => {
      const { cart } = await cartReadyForPayment(sdk)
      const headers = { headers: { "x-publishable-api-key": key } }
      const before = Number(cart.total)
      const { data: first } = await api.post(`/store/carts/${cart.id}/cash-on-delivery`, {}, headers)
      const { data: second } = await api.post(`/store/carts/${cart.id}/cash-on-delivery`, {}, headers)
      const fees = second.cart.items.filter((item: any) => item.metadata?.tienda_offline_fee)
      expect(fees).toHaveLength(1)
      expect(Number(fees[0].unit_price)).toBe(2.5)
      expect(Number(second.cart.total)).toBeGreaterThanOrEqual(before + 2.5)
      expect(Number(second.cart.total)).toBe(Number(first.cart.total))

      // Switching away removes it, choosing it again puts it back.
      const { data: removed } = await api.delete(`/store/carts/${cart.id}/cash-on-delivery`, headers)
      expect(removed.cart.items.filter((item: any) => item.metadata?.tienda_offline_fee)).toHaveLength(0)
      expect(Number(removed.cart.total)).toBeCloseTo(before, 2)
      await api.post(`/store/carts/${cart.id}/cash-on-delivery`, {}, headers)

      const { session, paymentCollection } = await startPayment(sdk, cart.id, COD)
      expect(session.data).toMatchObject({ method: "cash-on-delivery", fee: { amount: 2.5, currency_code: "eur" } })
      expect(Number(paymentCollection.amount)).toBeCloseTo(Number(second.cart.total), 2)
      const completed = await sdk.store.cart.complete(cart.id)
      expect(completed.type).toBe("order")
      const order = (completed as any).order
      expect(Number(order.total)).toBeCloseTo(Number(second.cart.total), 2)
      expect(order.items.some((item: any) => item.title === "Cash on delivery fee")).toBe(true)

      const { data: paid } = await api.post(`/admin/orders/${order.id}/offline-payment/mark-paid`, {}, admin)
      expect(paid.offline_payment).toMatchObject({ method: "cash-on-delivery", status: "paid" })
      expect(paid.offline_payment.captured_amount).toBeCloseTo(Number(order.total), 2)
    })

    it("refuses what it should with a clear 4xx and changes nothing", async () => {
      const missing = await failure(api.post(`/admin/orders/order_does_not_exist/offline-payment/mark-paid`, {}, admin))
      expect(missing.status).toBe(404)
      expect(missing.data.message).toMatch(/order_does_not_exist/)

      const { order: cardOrder } = await placeOrder("pp_system_default")
      const notOffline = await failure(api.post(`/admin/orders/${cardOrder.id}/offline-payment/mark-paid`, {}, admin))
      expect(notOffline.status).toBe(400)
      expect(notOffline.data.message).toMatch(/not paid by bank transfer or cash on delivery/)
      expect((await api.get(`/admin/orders/${cardOrder.id}/offline-payment`, admin)).data.offline_payment).toBeNull()

      const { order } = await placeOrder(BANK)
      const junk = await failure(api.post(`/admin/orders/${order.id}/offline-payment/mark-paid`, { amount: 1 }, admin))
      expect(junk.status).toBe(400)
      const anonymous = await failure(api.post(`/admin/orders/${order.id}/offline-payment/mark-paid`, {}))
      expect(anonymous.status).toBe(401)

      // Capturing more than was authorized, through Medusa's own route: refused, nothing captured.
      const { data: summary } = await api.get(`/admin/orders/${order.id}/offline-payment`, admin)
      const tooMuch = await failure(
        api.post(
          `/admin/payments/${summary.offline_payment.payment_id}/capture`,
          { amount: summary.offline_payment.amount + 1 },
          admin
        )
      )
      expect(tooMuch.status).toBe(400)
      expect(tooMuch.data.message).toMatch(/cannot capture more than the authorized amount/)
      expect((await adminOrder(order.id)).payment_status).toBe("authorized")

      // Refunding more than was captured: refused, nothing refunded.
      await api.post(`/admin/orders/${order.id}/offline-payment/mark-paid`, {}, admin)
      const overRefund = await failure(
        api.post(
          `/admin/payments/${summary.offline_payment.payment_id}/refund`,
          { amount: summary.offline_payment.amount + 1 },
          admin
        )
      )
      expect(overRefund.status).toBe(400)
      expect(overRefund.data.message).toMatch(/refund/i)
      const { data: afterRefund } = await api.get(`/admin/orders/${order.id}/offline-payment`, admin)
      expect(afterRefund.offline_payment.refunded_amount).toBe(0)

      // An unknown provider at checkout is a 4xx naming it.
      const { cart } = await cartReadyForPayment(sdk)
      const storeHeaders = { headers: { "x-publishable-api-key": key } }
      const { data: collection } = await api.post(`/store/payment-collections`, { cart_id: cart.id }, storeHeaders)
      const unknown = await failure(
        api.post(
          `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
          { provider_id: "pp_nope_nope" },
          storeHeaders
        )
      )
      expect(unknown.status).toBe(400)
      expect(unknown.data.message).toMatch(/pp_nope_nope is not enabled/)
    })

    it("a shopper's settled_at never makes an order look paid: not through the store API, not through the provider", async () => {
      const forged = {
        settled_at: "2026-01-01T10:00:00.000Z",
        canceled_at: "2026-01-02T10:00:00.000Z",
        refunds: [{ amount: "1", at: "x" }],
      }
      const storeHeaders = { headers: { "x-publishable-api-key": key } }

      // Through the store API, as a shopper would send it.
      const viaStore = await cartReadyForPayment(sdk)
      const { session } = await startPayment(sdk, viaStore.cart.id, BANK, forged)
      expect(session.data.settled_at).toBeUndefined()
      const placed: any = await sdk.store.cart.complete(viaStore.cart.id)

      // Straight into the Payment Module (no edge middleware): the provider itself keeps none of it.
      const direct = await cartReadyForPayment(sdk)
      const { data: collection } = await api.post(
        `/store/payment-collections`,
        { cart_id: direct.cart.id },
        storeHeaders
      )
      const payments = getContainer().resolve(Modules.PAYMENT)
      const created = await payments.createPaymentSession(collection.payment_collection.id, {
        provider_id: BANK,
        amount: collection.payment_collection.amount,
        currency_code: collection.payment_collection.currency_code,
        data: forged,
      })
      const [stored] = await payments.listPaymentSessions({ id: created.id }, { select: ["id", "data"] })
      expect(Object.keys(stored.data ?? {}).filter((name) => name in forged)).toEqual([])
      const placedDirect: any = await sdk.store.cart.complete(direct.cart.id)

      for (const order of [placed.order, placedDirect.order]) {
        expect(await adminOrder(order.id)).toMatchObject({ payment_status: "authorized" })
        // What the admin widget reads: awaiting, no "received" date.
        const { data } = await api.get(`/admin/orders/${order.id}/offline-payment`, admin)
        expect(data.offline_payment).toMatchObject({ status: "awaiting", settled_at: null })
        const { data: full } = await api.get(`/admin/orders/${order.id}?fields=*payment_collections.payments`, admin)
        const payment = full.order.payment_collections[0].payments[0]
        expect(Object.keys(payment.data).filter((name) => name in forged)).toEqual([])
      }

      // Mark as paid: the date shown is when the merchant recorded it.
      const { data: paid } = await api.post(`/admin/orders/${placed.order.id}/offline-payment/mark-paid`, {}, admin)
      const { data: full } = await api.get(
        `/admin/orders/${placed.order.id}?fields=*payment_collections.payments`,
        admin
      )
      expect(paid.offline_payment.status).toBe("paid")
      expect(paid.offline_payment.settled_at).toBe(
        new Date(full.order.payment_collections[0].payments[0].captured_at).toISOString()
      )
      expect(paid.offline_payment.settled_at).not.toBe(forged.settled_at)
    })

    it("cash on delivery without the storefront's fee call: the fee is added at completion and charged", async () => {
      const { cart } = await cartReadyForPayment(sdk)
      const without = Number(cart.total)
      await startPayment(sdk, cart.id, COD)
      const completed: any = await sdk.store.cart.complete(cart.id)
      expect(completed.type).toBe("order")
      const order = completed.order
      const fees = order.items.filter((item: any) => item.metadata?.tienda_offline_fee)
      expect(fees.map((item: any) => [item.title, Number(item.unit_price), Number(item.quantity)])).toEqual([
        ["Cash on delivery fee", 2.5, 1],
      ])
      expect(Number(order.total)).toBeGreaterThanOrEqual(without + 2.5)
      // The courier collects the amount with the fee.
      const { data } = await api.get(`/admin/orders/${order.id}/offline-payment`, admin)
      expect(data.offline_payment.method).toBe("cash-on-delivery")
      expect(data.offline_payment.amount).toBeCloseTo(Number(order.total), 2)
    })

    it("cash on delivery whose fee was taken off after the fee call cannot complete without it (checked under the lock)", async () => {
      const { cart } = await cartReadyForPayment(sdk)
      const headers = { headers: { "x-publishable-api-key": key } }
      await api.post(`/store/carts/${cart.id}/cash-on-delivery`, {}, headers)
      await startPayment(sdk, cart.id, COD)
      // A request racing the completion: the fee off, a new cash-on-delivery session for the smaller total.
      await api.delete(`/store/carts/${cart.id}/cash-on-delivery`, headers)
      await startPayment(sdk, cart.id, COD)
      // Completing without the store route's middleware, as a second process would find the cart once it holds the lock.
      const { errors } = await completeCartWorkflow(getContainer()).run({ input: { id: cart.id }, throwOnError: false })
      expect(errors[0]?.error?.message).toMatch(
        /Cash on delivery in EUR carries a fee of 2.5: add it with POST \/store\/carts\//
      )
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: orders } = await query.graph({
        entity: "order_cart",
        fields: ["order_id"],
        filters: { cart_id: cart.id },
      })
      expect(orders).toEqual([])

      // Through the store API the fee goes back on and the order is placed with it.
      const completed: any = await sdk.store.cart.complete(cart.id)
      expect(completed.order.items.filter((item: any) => item.metadata?.tienda_offline_fee)).toHaveLength(1)
    })

    it("cancels bank transfers still unpaid after the configured days and releases their stock", async () => {
      const container = getContainer()
      const inventory = container.resolve(Modules.INVENTORY)
      const unpaid = await placeOrder(BANK, { quantity: 2 })
      const paid = await placeOrder(BANK)
      await api.post(`/admin/orders/${paid.order.id}/offline-payment/mark-paid`, {}, admin)
      const cod = await placeOrder(COD)
      const lineItemIds = unpaid.order.items!.map((item) => item.id)
      expect((await inventory.listReservationItems({ line_item_id: lineItemIds })).length).toBeGreaterThan(0)

      // One day later nothing is due; eight days later the unpaid transfer is.
      expect((await cancelUnpaidBankTransfers(container, new Date(Date.now() + DAY))).canceled).toEqual([])
      const run = await cancelUnpaidBankTransfers(container, new Date(Date.now() + 8 * DAY))
      expect(run).toEqual({ canceled: [unpaid.order.id], failed: [] })

      expect((await adminOrder(unpaid.order.id)).status).toBe("canceled")
      expect(await inventory.listReservationItems({ line_item_id: lineItemIds })).toEqual([])
      const { data: summary } = await api.get(`/admin/orders/${unpaid.order.id}/offline-payment`, admin)
      expect(summary.offline_payment.status).toBe("canceled")
      expect((await adminOrder(paid.order.id)).status).toBe("pending")
      expect((await adminOrder(cod.order.id)).status).toBe("pending")

      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: jobs } = await query.graph({ entity: "order", fields: ["id"], filters: { status: "canceled" } })
      expect(jobs.map((o: any) => o.id)).toEqual([unpaid.order.id])

      const markCanceled = await failure(
        api.post(`/admin/orders/${unpaid.order.id}/offline-payment/mark-paid`, {}, admin)
      )
      expect(markCanceled.status).toBe(400)
      expect(markCanceled.data.message).toMatch(/canceled/)
    })
  },
})
