import crypto from "node:crypto"
import { Client } from "pg"

/**
 * What must hold in a shop's database after any fault, read with SQL (not through the API that may be failing):
 * every order a shopper was told about exists exactly once, no cart has two orders, no payment stands without an
 * order and no order of a cart without its payment, no stock is reserved beyond what is stocked, and the stock reserved for the variants sold matches what
 * their orders hold.
 */
export interface OrderAudit {
  ordersInDatabase: number
  acknowledgedMissing: string[]
  cartsWithSeveralOrders: string[]
  paymentsWithoutOrder: string[]
  /** Orders of a cart whose payment was never authorized (or was cancelled): told "ordered", nothing paid. */
  ordersWithoutPayment: string[]
  oversoldLevels: string[]
  /** variant id → { reserved, ordered } where the two differ. */
  reservationMismatches: Record<string, { reserved: number; ordered: number }>
}

export async function auditOrders(
  databaseUrl: string,
  acknowledged: Map<string, string>,
  variantIds: string[]
): Promise<OrderAudit> {
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const ids = [...acknowledged.values()]
    const found = await client.query(`select id from "order" where id = any($1) and deleted_at is null`, [ids])
    const present = new Set(found.rows.map((row) => row.id))
    const orders = await client.query(`select count(*)::int as n from "order" where deleted_at is null`)
    const several = await client.query(
      `select cart_id from order_cart where deleted_at is null group by cart_id having count(*) > 1`
    )
    const orphanPayments = await client.query(
      `select p.id from payment p
         join cart_payment_collection cpc on cpc.payment_collection_id = p.payment_collection_id and cpc.deleted_at is null
         left join order_cart oc on oc.cart_id = cpc.cart_id and oc.deleted_at is null
        where p.deleted_at is null and p.canceled_at is null and oc.order_id is null`
    )
    const unpaid = await client.query(
      `select o.id from "order" o
         join order_cart oc on oc.order_id = o.id and oc.deleted_at is null
        where o.deleted_at is null and o.status <> 'canceled'
          and not exists (select 1 from cart_payment_collection cpc
                join payment p on p.payment_collection_id = cpc.payment_collection_id
                 and p.deleted_at is null and p.canceled_at is null
               where cpc.cart_id = oc.cart_id and cpc.deleted_at is null)`
    )
    const oversold = await client.query(
      `select id from inventory_level where deleted_at is null and reserved_quantity > stocked_quantity`
    )
    const reserved = await client.query(
      `select pvi.variant_id, coalesce(sum(il.reserved_quantity), 0)::int as reserved
         from product_variant_inventory_item pvi
         join inventory_level il on il.inventory_item_id = pvi.inventory_item_id and il.deleted_at is null
        where pvi.variant_id = any($1) and pvi.deleted_at is null
        group by pvi.variant_id`,
      [variantIds]
    )
    const ordered = await client.query(
      `select oli.variant_id, coalesce(sum(oi.quantity), 0)::int as ordered
         from order_item oi
         join order_line_item oli on oli.id = oi.item_id
         join "order" o on o.id = oi.order_id and o.version = oi.version
        where oli.variant_id = any($1) and o.deleted_at is null and o.status <> 'canceled' and oi.deleted_at is null
        group by oli.variant_id`,
      [variantIds]
    )
    const orderedBy = new Map(ordered.rows.map((row) => [row.variant_id, row.ordered as number]))
    const mismatches: OrderAudit["reservationMismatches"] = {}
    for (const row of reserved.rows) {
      const count = orderedBy.get(row.variant_id) ?? 0
      if (row.reserved !== count) {
        mismatches[row.variant_id] = { reserved: row.reserved, ordered: count }
      }
    }
    return {
      ordersInDatabase: orders.rows[0].n,
      acknowledgedMissing: ids.filter((id) => !present.has(id)),
      cartsWithSeveralOrders: several.rows.map((row) => row.cart_id),
      paymentsWithoutOrder: orphanPayments.rows.map((row) => row.id),
      ordersWithoutPayment: unpaid.rows.map((row) => row.id),
      oversoldLevels: oversold.rows.map((row) => row.id),
      reservationMismatches: mismatches,
    }
  } finally {
    await client.end()
  }
}

/** Orders (of the given ids) with no order confirmation in the email log: the worker's order.placed not handled. */
export async function ordersWithoutConfirmation(databaseUrl: string, orderIds: string[]): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query(
      `select idempotency_key from email_message where template = 'order-placed' and deleted_at is null`
    )
    const keys = rows.map((row) => row.idempotency_key as string)
    return orderIds.filter((id) => {
      // The email log's key names the order by a hash (plugins/notification-smtp/src/utils/idempotency.ts).
      const digest = crypto.createHash("sha256").update(id).digest("hex").slice(0, 24)
      return !keys.some((key) => key.startsWith(`order.placed:${digest}:`))
    })
  } finally {
    await client.end()
  }
}

/**
 * Gives the variants' inventory `units` more in stock at every location: the fault tests place over a hundred
 * orders on four variants, more than the demo catalog holds.
 */
export async function addStock(databaseUrl: string, variantIds: string[], units: number): Promise<void> {
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query(
      // Medusa reads a quantity from its raw (BigNumber) column and writes both back whenever it saves the level:
      // changing only stocked_quantity is undone by the next reservation.
      `update inventory_level set stocked_quantity = stocked_quantity + $2,
              raw_stocked_quantity = jsonb_build_object('value', (stocked_quantity + $2)::text, 'precision', 20)
        where deleted_at is null and inventory_item_id in (
          select inventory_item_id from product_variant_inventory_item where variant_id = any($1) and deleted_at is null)`,
      [variantIds, units]
    )
  } finally {
    await client.end()
  }
}
