import { randomUUID } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { metricsEnabled, orphanedPayments } from "../metrics"
import { settings } from "../settings"

/** A payment authorized for a cart that has no order, older than the grace period. */
interface OrphanedPayment {
  id: string
  cart_id: string
  captured: boolean
}

const BATCH = 50

/**
 * Cancels the authorization of payments whose cart never got its order. Medusa's cart completion authorizes the
 * payment before it writes the order, and cancels the authorization when the order fails; when the order fails
 * because PostgreSQL went away, that cancellation cannot be written either, and the shopper, answered 503, is
 * left with money held for an order that does not exist. After TIENDA_ORPHANED_PAYMENT_GRACE_SECONDS, under the
 * cart's own lock (the one Medusa's completion holds, so no completion of it runs meanwhile), and only while the
 * cart still has no order, the payment is cancelled through the Payment Module (the provider voids it). A captured
 * payment is money taken: it is logged and counted (alert TiendaPaymentCapturedWithoutOrder) on every run until a
 * person refunds it, never refunded by a job.
 */
export async function cancelOrphanedPayments(
  container: MedusaContainer
): Promise<{ canceled: number; captured: number }> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const locking = container.resolve(Modules.LOCKING)
  const payments = container.resolve(Modules.PAYMENT)
  const graceSeconds = settings().checkout.orphanedPaymentGraceSeconds
  const { rows } = await knex.raw<{ rows: OrphanedPayment[] }>(
    `select p.id, cpc.cart_id, p.captured_at is not null as captured
       from payment p
       join cart_payment_collection cpc on cpc.payment_collection_id = p.payment_collection_id and cpc.deleted_at is null
       left join order_cart oc on oc.cart_id = cpc.cart_id and oc.deleted_at is null
      where p.deleted_at is null and p.canceled_at is null and oc.order_id is null
        and not exists (select 1 from refund r where r.payment_id = p.id and r.deleted_at is null)
        and p.created_at < now() - make_interval(secs => ?)
      order by p.created_at
      limit ?`,
    [graceSeconds, BATCH]
  )
  let canceled = 0
  let captured = 0
  for (const payment of rows) {
    if (payment.captured) {
      captured++
      count("captured")
      logger.error(`payment ${payment.id} was captured but cart ${payment.cart_id} has no order: refund it by hand`)
      continue
    }
    // An owner of its own: Medusa's completion locks the cart with no owner, and two lockers without one would
    // both get the lock.
    const owner = `tienda-orphaned-payments-${randomUUID()}`
    try {
      await locking.acquire(payment.cart_id, { ownerId: owner, expire: 60 })
      try {
        const { rows: orders } = await knex.raw(
          `select 1 from order_cart where cart_id = ? and deleted_at is null limit 1`,
          [payment.cart_id]
        )
        if (orders.length === 0) {
          await payments.cancelPayment(payment.id)
          canceled++
          count("canceled")
          logger.warn(`payment ${payment.id} of cart ${payment.cart_id} had no order: its authorization is cancelled`)
        }
      } finally {
        await locking.release(payment.cart_id, { ownerId: owner })
      }
    } catch (error) {
      // The cart is being completed right now, or the provider refused: the next run tries again.
      count("failed")
      logger.warn(`payment ${payment.id} of cart ${payment.cart_id} not cancelled yet: ${(error as Error).message}`)
    }
  }
  return { canceled, captured }
}

function count(outcome: "canceled" | "captured" | "failed"): void {
  if (metricsEnabled()) {
    orphanedPayments.inc({ outcome })
  }
}
