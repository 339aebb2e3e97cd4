import { Client } from "pg"

/**
 * Reading and holding rows of a shop's database from a test, over a connection of the test's own (not through the
 * app, which may be the thing that failed).
 */
export async function queryRows<T = Record<string, unknown>>(
  databaseUrl: string,
  text: string,
  params: unknown[] = []
): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return (await client.query(text, params)).rows as T[]
  } finally {
    await client.end()
  }
}

/**
 * Locks one row (`select … for update` in a transaction left open) until `release()`: whoever writes that row
 * meanwhile waits. Used to stop a process at a known step of a workflow, where it can then be killed.
 */
export async function holdRowLock(
  databaseUrl: string,
  table: string,
  id: string
): Promise<{ release: () => Promise<void> }> {
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  await client.query("begin")
  const { rowCount } = await client.query(`select 1 from "${table}" where id = $1 for update`, [id])
  if (rowCount !== 1) {
    await client.end()
    throw new Error(`no row ${id} in ${table} to hold`)
  }
  return {
    release: async () => {
      await client.query("rollback").catch(() => undefined)
      await client.end()
    },
  }
}

/** How many other sessions wait for a lock while running a statement on `table`. */
export async function lockWaitersOn(databaseUrl: string, table: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    databaseUrl,
    `select count(*)::int as n from pg_stat_activity
      where wait_event_type = 'Lock' and pid <> pg_backend_pid() and query ilike $1`,
    [`%${table}%`]
  )
  return rows[0].n
}
