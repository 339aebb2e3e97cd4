import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { invalidateGenerations } from "./invalidate"

/**
 * Price lists change prices at their `starts_at` and `ends_at` without any write or event: Medusa's pricing simply
 * compares them with `now()` when it calculates. Nothing else would tell the catalog cache, the read model or a CDN
 * that a scheduled sale began or ended, so the catalog's answers would keep the old prices until the next change.
 * This finds the active price lists whose start or end fell in a window, and makes the catalog stale when there is
 * one (every catalog answer, a CDN purge of the catalog key when one is configured).
 */
export async function priceListsTurnedBetween(db: Knex, from: Date, to: Date): Promise<string[]> {
  const { rows } = await db.raw<{ rows: Array<{ id: string }> }>(
    `select id from price_list
      where deleted_at is null and status = 'active'
        and ((starts_at > ? and starts_at <= ?) or (ends_at > ? and ends_at <= ?))
      order by id`,
    [from, to, from, to]
  )
  return rows.map((row) => row.id)
}

/** On a process's first check, the boundaries of the last day count: a sale may have begun while it was down. */
export const FIRST_LOOK_BACK_MS = 24 * 3600_000

/** The catalog made stale for the price lists that began or ended since the last check (or the given moment). */
export class ScheduledPriceLists {
  private checkedUntil: Date | undefined

  constructor(private readonly invalidate: () => Promise<void> = () => invalidateGenerations(["catalog"])) {}

  /**
   * The price lists that turned since the last check; the catalog is stale when there is any. The moment is the
   * database's, the clock Medusa's pricing compares the boundaries with.
   */
  async check(db: Knex): Promise<string[]> {
    const now = await databaseNow(db)
    const from = this.checkedUntil ?? new Date(now.getTime() - FIRST_LOOK_BACK_MS)
    const turned = await priceListsTurnedBetween(db, from, now)
    if (turned.length) {
      await this.invalidate()
    }
    // Only once the catalog was made stale: a failed bump is tried again by the next check.
    this.checkedUntil = now
    return turned
  }
}

async function databaseNow(db: Knex): Promise<Date> {
  const { rows } = await db.raw<{ rows: Array<{ now: Date }> }>("select now() as now")
  return new Date(rows[0].now)
}
