import LockingPostgres from "@medusajs/medusa/locking-postgres"

type AcquireOptions = { ownerId?: string | null; expire?: number }
type Manager = { execute(sql: string, params?: unknown[]): Promise<Array<Record<string, unknown>>> }
type BaseProvider = new (...args: any[]) => { getManager(): Manager }

// The class behind Medusa's `locking-postgres` provider (its package exports only the provider definition).
const PostgresAdvisoryLockProvider = (LockingPostgres as unknown as { services: BaseProvider[] }).services[0]

/**
 * Medusa's `locking-postgres` provider with a race-free `acquire`.
 *
 * Upstream reads the `locking` row, then INSERTs it; when two callers race, the loser's INSERT fails on the primary
 * key, and because both have no owner (`undefined != null` is false) the loser is told it already holds the lock.
 * `completeCartWorkflow` locks the cart without an owner, so 20 simultaneous completions of one cart made two
 * orders (seen in CI). Upstream also never frees an owner-less lock whose lease ran out (a crashed process leaves
 * the cart locked for good).
 *
 * Here a single `INSERT … ON CONFLICT` takes a key that is free or whose lease expired, so exactly one caller wins;
 * a held key is re-entered only by the same named owner, never by an anonymous caller — the semantics of Medusa's
 * Redis provider. Keys taken by a call that then fails are given back, so a retry does not block on itself.
 * `execute`, `release` and `releaseAll` are upstream's.
 */
export class StrictPostgresLockProvider extends PostgresAdvisoryLockProvider {
  static identifier = "locking-postgres-strict"

  async acquire(keys: string | string[], args?: AcquireOptions): Promise<void> {
    const ownerId = args?.ownerId ?? null
    const expiration = leaseEnd(args?.expire)
    const taken: string[] = []
    try {
      for (const key of Array.isArray(keys) ? keys : [keys]) {
        if (await this.take(key, ownerId, expiration)) {
          taken.push(key)
        } else if (!(await this.reenter(key, ownerId, args?.expire ? expiration : null))) {
          throw new Error(`Failed to acquire lock for key "${key}"`)
        }
      }
    } catch (error) {
      if (taken.length) {
        await this.getManager().execute(`DELETE FROM locking WHERE id IN (${taken.map(() => "?").join(", ")})`, taken)
      }
      throw error
    }
  }

  /** Inserts the lock, or takes over one whose lease ran out; true when this call now holds it. */
  private async take(key: string, ownerId: string | null, expiration: string): Promise<boolean> {
    const rows = await this.getManager().execute(
      `INSERT INTO locking (id, owner_id, expiration) VALUES (?, ?, ${expiration})
       ON CONFLICT (id) DO UPDATE SET owner_id = EXCLUDED.owner_id, expiration = EXCLUDED.expiration
         WHERE locking.expiration IS NOT NULL AND locking.expiration <= NOW()
       RETURNING id`,
      [key, ownerId]
    )
    return rows.length > 0
  }

  /** A named owner may take its own lock again (and extend the lease when asked); an anonymous caller never can. */
  private async reenter(key: string, ownerId: string | null, newExpiration: string | null): Promise<boolean> {
    if (ownerId === null) {
      return false
    }
    const rows = newExpiration
      ? await this.getManager().execute(
          `UPDATE locking SET expiration = ${newExpiration} WHERE id = ? AND owner_id = ? RETURNING id`,
          [key, ownerId]
        )
      : await this.getManager().execute(`SELECT id FROM locking WHERE id = ? AND owner_id = ?`, [key, ownerId])
    return rows.length > 0
  }
}

/** SQL for the end of a lease of `seconds` (none: held until released). */
function leaseEnd(seconds: number | undefined): string {
  const whole = Math.trunc(Number(seconds))
  return whole > 0 ? `NOW() + INTERVAL '${whole} SECONDS'` : "NULL"
}
