import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { setAppEnv } from "../../helpers/app-env"
import { cancelOrphanedPayments } from "../../../src/lib/checkout/orphaned-payments"
import { rollBackInterruptedCompletions } from "../../../src/lib/checkout/interrupted-completions"
import { LEAK } from "../../helpers/security"
import { MADRID_ADDRESS, publishableKey } from "../../helpers/store"
import type { RunnerContext } from "../../helpers/test-runner"

const BUYERS = 50
const STOCK = 10

/**
 * Checkout under contention (issue 8), in one server process: 50 shoppers race for an item with 10 in stock, and 20
 * parallel completes hit one cart. Exactly the stock is sold, every loser gets a clear 4xx, nothing answers 5xx.
 */
export function checkoutRaceSuite({ api, getContainer }: RunnerContext): void {
  let store: { headers: Record<string, string> }

  /** A variant whose inventory is exactly STOCK units in one location (the others emptied), nothing reserved. */
  async function scarceVariant() {
    const container = getContainer()
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: regions } = await api.get("/store/regions", store)
    const europe = regions.regions.find((region: any) => region.currency_code === "eur")
    const { data: products } = await api.get(`/store/products?region_id=${europe.id}&limit=1&fields=variants.id`, store)
    const variantId = products.products[0].variants[0].id
    const { data } = await query.graph({
      entity: "product_variant",
      fields: [
        "id",
        "manage_inventory",
        "inventory_items.inventory_item_id",
        "inventory_items.inventory.location_levels.*",
      ],
      filters: { id: variantId },
    })
    // The demo variant has one inventory item with levels: the shape the fields above ask for.
    const variant = data[0] as unknown as {
      inventory_items: { inventory_item_id: string; inventory: { location_levels: { location_id: string }[] } }[]
    }
    const item = variant.inventory_items[0]
    const levels = item.inventory.location_levels
    const inventory = container.resolve(Modules.INVENTORY)
    await inventory.updateInventoryLevels(
      levels.map((level, index) => ({
        inventory_item_id: item.inventory_item_id,
        location_id: level.location_id,
        stocked_quantity: index === 0 ? STOCK : 0,
      }))
    )
    return { variantId, inventoryItemId: item.inventory_item_id, regionId: europe.id as string }
  }

  /** A cart ready to complete: one unit, addresses, shipping method, payment session. */
  async function readyCart(regionId: string, variantId: string, email: string): Promise<string> {
    const { data } = await api.post(
      "/store/carts",
      {
        region_id: regionId,
        email,
        items: [{ variant_id: variantId, quantity: 1 }],
        shipping_address: MADRID_ADDRESS,
        billing_address: MADRID_ADDRESS,
      },
      store
    )
    const cartId = data.cart.id
    const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, store)
    await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: options.shipping_options[0].id }, store)
    const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, store)
    await api.post(
      `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
      { provider_id: "pp_system_default" },
      store
    )
    return cartId
  }

  async function inBatches<T>(count: number, size: number, make: (index: number) => Promise<T>): Promise<T[]> {
    const results: T[] = []
    for (let start = 0; start < count; start += size) {
      results.push(
        ...(await Promise.all(Array.from({ length: Math.min(size, count - start) }, (_, i) => make(start + i))))
      )
    }
    return results
  }

  beforeEach(async () => {
    store = { headers: { "x-publishable-api-key": await publishableKey(getContainer()) } }
  })

  // The racers are many shoppers, though every request here comes from 127.0.0.1: lift the per-address cap of the
  // checkout line (read per request) so that the race, not the cap, decides.
  beforeAll(() => {
    setAppEnv({ TIENDA_CHECKOUT_PER_ADDRESS: "1000" })
  })
  afterAll(() => {
    setAppEnv({ TIENDA_CHECKOUT_PER_ADDRESS: undefined })
  })

  it(`sells exactly ${STOCK} units to ${BUYERS} concurrent checkouts; the others get a clear 4xx`, async () => {
    const { variantId, inventoryItemId, regionId } = await scarceVariant()
    const carts = await inBatches(BUYERS, 5, (i) => readyCart(regionId, variantId, `racer${i}@example.com`))

    const started = Date.now()
    const outcomes = await Promise.all(
      carts.map(async (cartId) => {
        const t0 = Date.now()
        const response = await api.post(
          `/store/carts/${cartId}/complete`,
          {},
          { ...store, validateStatus: () => true, timeout: 120_000 }
        )
        return { status: response.status, data: response.data, ms: Date.now() - t0 }
      })
    )
    const wall = Date.now() - started

    const orders = outcomes.filter((o) => o.status === 200 && o.data.type === "order")
    const refused = outcomes.filter((o) => o.status >= 400 && o.status < 500)
    const errors = outcomes.filter((o) => o.status >= 500)
    const messages = [...new Set(refused.map((o) => `${o.status} ${o.data.message}`))]
    const slowest = Math.max(...outcomes.map((o) => o.ms))
    process.stdout.write(
      `race: ${orders.length} orders, ${refused.length} refused (${messages.join(" | ")}), ${errors.length} 5xx; wall ${wall} ms, slowest ${slowest} ms\n`
    )
    expect(errors.map((o) => o.data)).toEqual([])
    expect(orders).toHaveLength(STOCK)
    expect(refused).toHaveLength(BUYERS - STOCK)
    for (const loser of refused) {
      expect([400, 409]).toContain(loser.status)
      expect(loser.data.message).toMatch(/inventory|stock|another request|retry/i)
      expect(JSON.stringify(loser.data)).not.toMatch(LEAK)
    }

    const [level] = await getContainer()
      .resolve(Modules.INVENTORY)
      .listInventoryLevels({ inventory_item_id: inventoryItemId, stocked_quantity: { $gt: 0 } })
    expect({
      stocked: Number(level.stocked_quantity),
      reserved: Number(level.reserved_quantity),
      available: Number(level.available_quantity),
    }).toEqual({
      stocked: STOCK,
      reserved: STOCK,
      available: 0,
    })
    const reservations = await getContainer()
      .resolve(Modules.INVENTORY)
      .listReservationItems({ inventory_item_id: inventoryItemId })
    expect(reservations.reduce((sum: number, r: any) => sum + Number(r.quantity), 0)).toBe(STOCK)
  })

  it("turns 20 parallel completes of one cart into one order", async () => {
    const { variantId, regionId } = await scarceVariant()
    const cartId = await readyCart(regionId, variantId, "twenty.clicks@example.com")
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        api.post(`/store/carts/${cartId}/complete`, {}, { ...store, validateStatus: () => true, timeout: 120_000 })
      )
    )
    const statuses = outcomes.map((o) => o.status)
    process.stdout.write(
      `double-submit: statuses ${JSON.stringify(statuses.reduce((acc: Record<number, number>, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {}))}\n`
    )
    expect(statuses.filter((status) => status >= 500)).toEqual([])
    const orderIds = new Set(
      outcomes.filter((o) => o.status === 200 && o.data.type === "order").map((o) => o.data.order.id)
    )
    expect(orderIds.size).toBe(1)
    for (const other of outcomes.filter((o) => !(o.status === 200 && o.data.type === "order"))) {
      expect([400, 409]).toContain(other.status)
    }
    const { data } = await getContainer()
      .resolve(ContainerRegistrationKeys.QUERY)
      .graph({ entity: "order", fields: ["id"], filters: { email: "twenty.clicks@example.com" } })
    expect(data).toHaveLength(1)
  })

  it("cancels a payment whose cart never got its order, never one of a completed cart or of a cart being completed", async () => {
    const { variantId, regionId } = await scarceVariant()
    const container = getContainer()
    const payments = container.resolve(Modules.PAYMENT)
    const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const locking = container.resolve(Modules.LOCKING)
    // Older than the grace period: the payments of a cart, made an hour ago.
    const ageCart = (cartId: string) =>
      knex.raw(
        `update payment set created_at = now() - interval '1 hour' where payment_collection_id in (
           select payment_collection_id from cart_payment_collection where cart_id = ?)`,
        [cartId]
      )
    // A completion cut off after the authorization: the payment exists, the order was never written.
    const authorizedOnly = async (email: string) => {
      const cartId = await readyCart(regionId, variantId, email)
      const { data } = await api.get(`/store/carts/${cartId}?fields=payment_collection.payment_sessions.id`, store)
      const session = data.cart.payment_collection.payment_sessions[0]
      const payment = await payments.authorizePaymentSession(session.id, {})
      return { cartId, paymentId: payment!.id }
    }
    const canceledAt = async (paymentId: string) =>
      (await knex.raw(`select canceled_at from payment where id = ?`, [paymentId])).rows[0].canceled_at
    const orphan = await authorizedOnly("orphan.payment@example.com")
    const busy = await authorizedOnly("busy.payment@example.com")
    const completedCart = await readyCart(regionId, variantId, "completed.payment@example.com")
    expect((await api.post(`/store/carts/${completedCart}/complete`, {}, store)).data.type).toBe("order")

    // The app's own scheduled run of the same job may come at any minute: the states are asserted, not who
    // cancelled. A completion of `busy` holds its lock from before its payment is old enough to be taken.
    await locking.acquire(busy.cartId, { expire: 60 })
    try {
      for (const cartId of [orphan.cartId, busy.cartId, completedCart]) await ageCart(cartId)
      const run = await cancelOrphanedPayments(container)
      expect(run.captured).toBe(0)
      expect(await canceledAt(orphan.paymentId)).not.toBeNull()
      expect(await canceledAt(busy.paymentId)).toBeNull()
    } finally {
      await locking.release(busy.cartId)
    }
    // Its next run takes the one left, and the rest stays as it is.
    await cancelOrphanedPayments(container)
    expect(await canceledAt(busy.paymentId)).not.toBeNull()
    const { rows: completedPayments } = await knex.raw(
      `select p.canceled_at from payment p join cart_payment_collection cpc on cpc.payment_collection_id = p.payment_collection_id
        where cpc.cart_id = ?`,
      [completedCart]
    )
    expect(completedPayments).toEqual([{ canceled_at: null }])
    expect(await cancelOrphanedPayments(container)).toEqual({ canceled: 0, captured: 0 })
  })

  it("answers a completion sent again with the same order at once, even while the cart's lock is held", async () => {
    const { variantId, regionId } = await scarceVariant()
    const cartId = await readyCart(regionId, variantId, "lost.answer@example.com")
    const first = await api.post(`/store/carts/${cartId}/complete`, {}, store)
    expect(first.data.type).toBe("order")
    // A process killed mid-completion leaves Medusa's lock on the cart until it expires (two minutes).
    const locking = getContainer().resolve(Modules.LOCKING)
    await locking.acquire(cartId, { expire: 120 })
    try {
      const again = await api.post(`/store/carts/${cartId}/complete`, {}, { ...store, timeout: 20_000 })
      expect(again.status).toBe(200)
      expect(again.headers["x-tienda-completion"]).toBe("existing-order")
      // The same answer Medusa's route gave: the order with the route's fields, and its order token.
      expect(again.data).toEqual(first.data)
    } finally {
      await locking.release(cartId)
    }
    const unknown = await api.post(
      `/store/carts/cart_01UNKNOWN0000000000000000/complete`,
      {},
      {
        ...store,
        validateStatus: () => true,
      }
    )
    expect(unknown.status).toBe(404)
  })

  it("leaves to Medusa a completion whose order may still be undone: its payment not authorized yet", async () => {
    const { variantId, regionId } = await scarceVariant()
    const cartId = await readyCart(regionId, variantId, "undone.order@example.com")
    const first = await api.post(`/store/carts/${cartId}/complete`, {}, store)
    expect(first.data.type).toBe("order")
    const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const setPaymentCanceled = (canceledAt: string | null) =>
      knex.raw(
        `update payment set canceled_at = ${canceledAt === null ? "null" : "now()"} where payment_collection_id in (
           select payment_collection_id from cart_payment_collection where cart_id = ?)`,
        [cartId]
      )
    // The state a retry can meet while Medusa's workflow is between writing the order and authorizing the payment
    // (or undoing both): the link is there, no live payment. Medusa's route answers, after its lock, not Tienda's.
    await setPaymentCanceled("now")
    try {
      const again = await api.post(`/store/carts/${cartId}/complete`, {}, { ...store, validateStatus: () => true })
      expect(again.headers["x-tienda-completion"]).toBeUndefined()
    } finally {
      await setPaymentCanceled(null)
    }
    const settled = await api.post(`/store/carts/${cartId}/complete`, {}, store)
    expect(settled.headers["x-tienda-completion"]).toBe("existing-order")
    expect(settled.data.order.id).toBe(first.data.order.id)
  })

  /**
   * The state a completion leaves when its process dies between writing the order and authorizing the payment: the
   * order and its links written, no payment, its stock reserved or not (the reservation runs beside the link). Made
   * from a completed cart by taking back its payment (and its reservations unless `reserved`); `ageMinutes` moves the
   * order's creation back past the cart lock's expiry.
   */
  async function interruptCompletion(
    cartId: string,
    orderId: string,
    ageMinutes: number,
    { reserved }: { reserved: boolean }
  ): Promise<void> {
    const container = getContainer()
    const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const collection = `select payment_collection_id from cart_payment_collection where cart_id = ?`
    await knex.raw(
      `delete from capture where payment_id in (select id from payment where payment_collection_id in (${collection}))`,
      [cartId]
    )
    await knex.raw(`delete from payment where payment_collection_id in (${collection})`, [cartId])
    await knex.raw(
      `update payment_session set status = 'pending', authorized_at = null where payment_collection_id in (${collection})`,
      [cartId]
    )
    const { data: orders } = await container
      .resolve(ContainerRegistrationKeys.QUERY)
      .graph({ entity: "order", fields: ["items.id"], filters: { id: orderId } })
    if (!reserved) {
      const inventory = container.resolve(Modules.INVENTORY)
      await inventory.deleteReservationItemsByLineItem(orders[0].items!.map((item: any) => item.id))
    }
    await knex.raw(`update "order" set created_at = now() - make_interval(mins => ?) where id = ?`, [
      ageMinutes,
      orderId,
    ])
  }

  /** What the database holds for a cart: its live orders, whether each has a payment and its stock reserved. */
  async function cartState(cartId: string) {
    const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const { rows: orders } = await knex.raw(
      `select o.id,
              (select count(*)::int from reservation_item r join order_line_item li on li.id = r.line_item_id
                 join order_item oi on oi.item_id = li.id
                where oi.order_id = o.id and r.deleted_at is null) as reservations
         from order_cart oc join "order" o on o.id = oc.order_id and o.deleted_at is null
        where oc.cart_id = ? and oc.deleted_at is null`,
      [cartId]
    )
    const { rows: payments } = await knex.raw(
      `select p.canceled_at is null as live from payment p
         join cart_payment_collection cpc on cpc.payment_collection_id = p.payment_collection_id
        where cpc.cart_id = ? and p.deleted_at is null`,
      [cartId]
    )
    const { rows: carts } = await knex.raw(`select completed_at from cart where id = ?`, [cartId])
    return {
      orders,
      livePayments: payments.filter((p: any) => p.live).length,
      completed: carts[0].completed_at !== null,
    }
  }

  /** Stock reserved at the variant's level equals the reservations held for it: nothing leaked by an undo. */
  async function reservedMatches(inventoryItemId: string): Promise<{ level: number; reservations: number }> {
    const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const { rows } = await knex.raw(
      `select (select coalesce(sum(reserved_quantity), 0)::int from inventory_level
                where inventory_item_id = ? and deleted_at is null) as level,
              (select coalesce(sum(quantity), 0)::int from reservation_item
                where inventory_item_id = ? and deleted_at is null) as reservations`,
      [inventoryItemId, inventoryItemId]
    )
    return rows[0]
  }

  it("undoes an order whose completion was cut off before its payment, and completes the cart again on the retry", async () => {
    const { variantId, inventoryItemId, regionId } = await scarceVariant()
    const cartId = await readyCart(regionId, variantId, "interrupted.retry@example.com")
    const first = await api.post(`/store/carts/${cartId}/complete`, {}, store)
    await interruptCompletion(cartId, first.data.order.id, 5, { reserved: false })
    expect(await cartState(cartId)).toEqual({
      orders: [{ id: first.data.order.id, reservations: 0 }],
      livePayments: 0,
      completed: true,
    })

    // Another spelling Express dispatches to the same route: the rule holds on it too.
    const retry = await api.post(`/Store/CARTS/${cartId}/complete/`, {}, store)
    expect(retry.status).toBe(200)
    expect(retry.data.type).toBe("order")
    expect(retry.data.order.id).not.toBe(first.data.order.id)
    // One order, with its stock reserved and its payment authorized; the cut-off one is gone.
    expect(await cartState(cartId)).toEqual({
      orders: [{ id: retry.data.order.id, reservations: 1 }],
      livePayments: 1,
      completed: true,
    })
    const reserved = await reservedMatches(inventoryItemId)
    expect(reserved.level).toBe(reserved.reservations)
    const again = await api.post(`/store/carts/${cartId}/complete`, {}, store)
    expect([again.headers["x-tienda-completion"], again.data.order.id]).toEqual(["existing-order", retry.data.order.id])
  })

  it("asks a retry to wait while such an order is younger than the cart's lock; the worker's job undoes it once older, never under a held lock", async () => {
    const { variantId, inventoryItemId, regionId } = await scarceVariant()
    const container = getContainer()
    const locking = container.resolve(Modules.LOCKING)
    const cartId = await readyCart(regionId, variantId, "interrupted.job@example.com")
    const first = await api.post(`/store/carts/${cartId}/complete`, {}, store)
    const orderId = first.data.order.id
    await interruptCompletion(cartId, orderId, 0, { reserved: true })

    const early = await api.post(`/store/carts/${cartId}/complete`, {}, { ...store, validateStatus: () => true })
    expect([early.status, early.headers["retry-after"], early.data.type]).toEqual([409, "5", "conflict"])
    expect(early.data.message).toMatch(/cut off before its payment/)
    expect((await cartState(cartId)).orders).toEqual([{ id: orderId, reservations: 1 }])

    // A completion holding the cart's lock (as Medusa's does, with no owner) is left alone; the lock is taken before
    // the order is old enough for the app's own scheduled run of the job, which may come at any minute.
    let before: { level: number; reservations: number }
    await locking.acquire(cartId, { expire: 60 })
    try {
      await interruptCompletion(cartId, orderId, 5, { reserved: true })
      await rollBackInterruptedCompletions(container)
      expect((await cartState(cartId)).orders).toEqual([{ id: orderId, reservations: 1 }])
      before = await reservedMatches(inventoryItemId)
    } finally {
      await locking.release(cartId)
    }
    // The state is asserted, not who undid it.
    await rollBackInterruptedCompletions(container)
    expect(await cartState(cartId)).toEqual({ orders: [], livePayments: 0, completed: false })
    // Its reservation went with it, and the level's reserved quantity with the reservation.
    const after = await reservedMatches(inventoryItemId)
    expect(after).toEqual({ level: before.level - 1, reservations: before.reservations - 1 })

    const completed = await api.post(`/store/carts/${cartId}/complete`, {}, store)
    expect(completed.data.type).toBe("order")
    expect(await cartState(cartId)).toEqual({
      orders: [{ id: completed.data.order.id, reservations: 1 }],
      livePayments: 1,
      completed: true,
    })
    // An order that took its payment is never undone.
    await container
      .resolve(ContainerRegistrationKeys.PG_CONNECTION)
      .raw(`update "order" set created_at = now() - interval '5 minutes' where id = ?`, [completed.data.order.id])
    expect(await rollBackInterruptedCompletions(container)).toEqual({ rolledBack: 0, skipped: 0 })
  })

  it("never answers with such an order when Medusa's route finds it after waiting for the cart's lock", async () => {
    const { variantId, regionId } = await scarceVariant()
    const locking = getContainer().resolve(Modules.LOCKING)
    const cartId = await readyCart(regionId, variantId, "interrupted.locked@example.com")
    const first = await api.post(`/store/carts/${cartId}/complete`, {}, store)
    const orderId = first.data.order.id
    // The dead process's lock, as Medusa takes it (no owner): Tienda's check before the route cannot take it and
    // leaves the request to Medusa's route, which waits for the lock. The lock expires (here: is released) while
    // it waits, and the route finds the order linked to the cart.
    await locking.acquire(cartId, { expire: 60 })
    let answer: Promise<any>
    try {
      await interruptCompletion(cartId, orderId, 5, { reserved: true })
      answer = api.post(`/STORE/Carts/${cartId}/Complete/`, {}, { ...store, validateStatus: () => true })
      await new Promise((resolve) => setTimeout(resolve, 1_500))
    } finally {
      await locking.release(cartId)
    }
    const { status, headers, data } = await answer
    expect([status, headers["retry-after"], data.type]).toEqual([409, "5", "conflict"])
    expect(JSON.stringify(data)).not.toContain(orderId)
    const completed = await api.post(`/store/carts/${cartId}/complete`, {}, store)
    expect(completed.data.type).toBe("order")
    expect(completed.data.order.id).not.toBe(orderId)
    expect(await cartState(cartId)).toEqual({
      orders: [{ id: completed.data.order.id, reservations: 1 }],
      livePayments: 1,
      completed: true,
    })
  })
}
