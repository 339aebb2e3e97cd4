import { randomUUID } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { interruptedCompletions, metricsEnabled } from "../metrics"

/**
 * How long Medusa's cart completion holds the cart's lock (`completeCartWorkflow`: ttl of two minutes). Its order is
 * written after the lock is taken, so an order older than this was written under a lock that has expired: the process
 * that wrote it is gone, or has outlived the lock Medusa itself relies on.
 */
export const COMPLETION_LOCK_SECONDS = 120

/** Orders the job looks at: older ones were there before anyone could settle them here, and are a person's call. */
const JOB_HORIZON_HOURS = 24
const BATCH = 20

export type InterruptedCompletionOutcome =
  /** No interrupted completion: no order, or a payment that was authorized, or an order that needs none. */
  | "none"
  /**
   * Interrupted and the lock is free, but the order is younger than the lock's expiry: a completion whose lock was
   * lost (a Redis that forgot it) may still be running. Undone once it is older.
   */
  | "too-recent"
  /** The cart's lock is held: a completion is running (Medusa's route waits for it). */
  | "busy"
  /** Undone: the cart is as it was before its completion, which can be sent again. */
  | "rolled-back"

export type InterruptedBy = "retry" | "job"

/**
 * A cart completion cut off between writing its order and authorizing its payment. Medusa's `completeCartWorkflow`
 * writes the order, then (in parallel) the cart-to-order link, the cart's `completed_at`, the stock reservations and
 * the promotion usage, and authorizes the payment last. When a step fails, the workflow undoes the others; when the
 * process dies (SIGKILL, power, OOM) or the undoing itself fails (PostgreSQL away), nothing does. What stays is an
 * order the shopper is told about on the next try (Medusa's route finds the link), with its stock perhaps not
 * reserved and no money authorized.
 *
 * Such a completion is undone here the way Medusa's compensation undoes it: its reservations deleted, the cart's
 * `completed_at` cleared, the order deleted, its links dismissed (the cart's last, so that a run cut off here is
 * found again by the next one). Then the completion can run again from the start, through Medusa's route. The order
 * was never paid, and the events of the dead workflow were never released (Medusa holds a workflow's events until it
 * ends), so no shopper or subscriber heard of it. Promotion usage that the dead run may have registered is not
 * reverted (whether it ran cannot be told): a campaign's budget may count that use twice, never too few.
 *
 * An order counts as interrupted only when it is pending, the cart needed a payment (its total is above zero) and
 * the cart's payment collection has no payment and no session authorized or waiting for an asynchronous authorization.
 * It is undone only under the cart's own lock (the one Medusa's completion holds) and once it is older than that
 * lock's expiry.
 */
export async function rollBackInterruptedCompletion(
  container: MedusaContainer,
  cartId: string,
  by: InterruptedBy
): Promise<InterruptedCompletionOutcome> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  if (!(await interruptedOrder(knex, cartId))) {
    return "none"
  }
  const locking = container.resolve(Modules.LOCKING)
  // An owner of its own: Medusa's completion locks the cart with no owner, and two lockers without one would both
  // get the lock.
  const owner = `tienda-interrupted-completion-${randomUUID()}`
  try {
    await locking.acquire(cartId, { ownerId: owner, expire: 60 })
  } catch {
    return "busy"
  }
  try {
    // Read again under the lock: another process may have undone it, or a completion finished it, meanwhile.
    const order = await interruptedOrder(knex, cartId)
    if (!order) {
      return "none"
    }
    if (!order.expired) {
      return "too-recent"
    }
    await undo(container, cartId, order.orderId)
    count("rolled_back", by)
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(
        `order ${order.orderId} of cart ${cartId} was left by a completion cut off before its payment: ` +
          `undone (${by}), the cart can be completed again`
      )
    return "rolled-back"
  } catch (error) {
    count("failed", by)
    throw error
  } finally {
    await locking.release(cartId, { ownerId: owner }).catch(() => undefined)
  }
}

/**
 * The worker's sweep: interrupted completions whose shopper did not come back. Each is undone as above; a cart that
 * is locked or fails is left for the next run.
 */
export async function rollBackInterruptedCompletions(
  container: MedusaContainer
): Promise<{ rolledBack: number; skipped: number }> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { rows } = await knex.raw<{ rows: { cart_id: string }[] }>(
    `select oc.cart_id
       from order_cart oc
       join "order" o on o.id = oc.order_id and o.deleted_at is null
      where oc.deleted_at is null and o.status = 'pending'
        and o.created_at < now() - make_interval(secs => ?)
        and o.created_at > now() - make_interval(hours => ?)
        and ${NO_PAYMENT_TAKEN}
      order by o.created_at
      limit ?`,
    [COMPLETION_LOCK_SECONDS, JOB_HORIZON_HOURS, BATCH]
  )
  let rolledBack = 0
  let skipped = 0
  for (const { cart_id } of rows) {
    try {
      if ((await rollBackInterruptedCompletion(container, cart_id, "job")) === "rolled-back") {
        rolledBack++
      } else {
        skipped++
      }
    } catch (error) {
      skipped++
      logger.warn(`interrupted completion of cart ${cart_id} not undone yet: ${(error as Error).message}`)
    }
  }
  return { rolledBack, skipped }
}

/**
 * No payment was authorized for the cart, nor is one on its way (a session authorized, captured or waiting for an
 * asynchronous authorization), though a session shows that one was needed. `oc` is the order_cart row.
 */
const NO_PAYMENT_TAKEN = `
  exists (select 1 from cart_payment_collection cpc
            join payment_session ps on ps.payment_collection_id = cpc.payment_collection_id and ps.deleted_at is null
           where cpc.cart_id = oc.cart_id and cpc.deleted_at is null)
  and not exists (select 1 from cart_payment_collection cpc
            join payment p on p.payment_collection_id = cpc.payment_collection_id and p.deleted_at is null
           where cpc.cart_id = oc.cart_id and cpc.deleted_at is null)
  and not exists (select 1 from cart_payment_collection cpc
            join payment_session ps on ps.payment_collection_id = cpc.payment_collection_id and ps.deleted_at is null
           where cpc.cart_id = oc.cart_id and cpc.deleted_at is null
             and (ps.authorized_at is not null or ps.status in ('authorized', 'captured', 'pending_authorization')))`

interface InterruptedOrder {
  orderId: string
  /** Older than the completion's lock. */
  expired: boolean
}

/**
 * The cart's order when its completion was interrupted; undefined otherwise. A link whose order is gone (a run cut
 * off after deleting it) counts, so that the link is dismissed too.
 */
async function interruptedOrder(knex: any, cartId: string): Promise<InterruptedOrder | undefined> {
  const { rows } = await knex.raw(
    `select oc.order_id,
            o.id is null or o.created_at < now() - make_interval(secs => ?) as expired,
            o.id is null or (o.status = 'pending' and coalesce(os.totals #>> '{current_order_total,value}', os.totals ->> 'current_order_total', '1')::numeric > 0)
              as payable
       from order_cart oc
       left join "order" o on o.id = oc.order_id and o.deleted_at is null
       left join order_summary os on os.order_id = o.id and os.deleted_at is null
      where oc.cart_id = ? and oc.deleted_at is null and ${NO_PAYMENT_TAKEN}
      limit 1`,
    [COMPLETION_LOCK_SECONDS, cartId]
  )
  const row = rows[0]
  return row?.payable ? { orderId: row.order_id, expired: row.expired } : undefined
}

/** Medusa's compensation of `completeCartWorkflow`, in an order that can be cut off and run again. */
async function undo(container: MedusaContainer, cartId: string, orderId: string): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "items.id", "payment_collections.id", "promotions.id"],
    filters: { id: orderId },
  })
  const order = orders[0] as
    { items?: { id: string }[]; payment_collections?: { id: string }[]; promotions?: { id: string }[] } | undefined
  if (order) {
    const others = [
      ...(order.payment_collections ?? []).map((collection) => ({
        [Modules.ORDER]: { order_id: orderId },
        [Modules.PAYMENT]: { payment_collection_id: collection.id },
      })),
      ...(order.promotions ?? []).map((promotion) => ({
        [Modules.ORDER]: { order_id: orderId },
        [Modules.PROMOTION]: { promotion_id: promotion.id },
      })),
    ]
    if (others.length > 0) {
      await link.dismiss(others)
    }
    await deleteReservations(
      container,
      (order.items ?? []).map((item) => item.id)
    )
    await container.resolve(Modules.CART).updateCarts([{ id: cartId, completed_at: null }])
    await container.resolve(Modules.ORDER).deleteOrders([orderId])
  }
  await link.dismiss([{ [Modules.ORDER]: { order_id: orderId }, [Modules.CART]: { cart_id: cartId } }])
}

/** As Medusa's `reserveInventoryStep` undoes its reservations: under the inventory items' locks. */
async function deleteReservations(container: MedusaContainer, lineItemIds: string[]): Promise<void> {
  if (lineItemIds.length === 0) {
    return
  }
  const inventory = container.resolve(Modules.INVENTORY)
  const reservations = await inventory.listReservationItems({ line_item_id: lineItemIds })
  if (reservations.length === 0) {
    return
  }
  const itemIds = [...new Set(reservations.map((reservation) => reservation.inventory_item_id))]
  await container
    .resolve(Modules.LOCKING)
    .execute(itemIds, () => inventory.deleteReservationItems(reservations.map((reservation) => reservation.id)))
}

function count(outcome: "rolled_back" | "failed", by: InterruptedBy): void {
  if (metricsEnabled()) {
    interruptedCompletions.inc({ outcome, by })
  }
}
