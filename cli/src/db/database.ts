import { Client } from "pg"

/** Runs `work` with a connected client and always closes it. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** Creates the database named in `url` when it does not exist (connecting to the server's `postgres` database). */
export async function ensureDatabase(url: string): Promise<boolean> {
  const target = new URL(url)
  const name = decodeURIComponent(target.pathname.replace(/^\//, ""))
  if (!name) {
    throw new Error(`DATABASE_URL names no database: ${redact(url)}`)
  }
  const admin = new URL(url)
  admin.pathname = "/postgres"
  return withClient(admin.toString(), async (client) => {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
    if (found.rowCount) {
      return false
    }
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`)
    return true
  })
}

/** A database URL with its password hidden, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) {
      parsed.password = "****"
    }
    return parsed.toString()
  } catch {
    return "(unparsable DATABASE_URL)"
  }
}

async function tableExists(client: Client, table: string): Promise<boolean> {
  const result = await client.query("SELECT to_regclass($1) AS oid", [`public.${table}`])
  return result.rows[0].oid !== null
}

/** What `tienda start` needs to know about the shop's data, read in one connection. */
export interface ShopState {
  migrated: boolean
  hasCatalog: boolean
  adminEmails: string[]
  publishableKeys: string[]
}

export async function readShopState(url: string): Promise<ShopState> {
  return withClient(url, async (client) => {
    if (!(await tableExists(client, "product")) || !(await tableExists(client, "user"))) {
      return { migrated: false, hasCatalog: false, adminEmails: [], publishableKeys: [] }
    }
    const catalog = await client.query(
      "SELECT EXISTS (SELECT 1 FROM product) OR EXISTS (SELECT 1 FROM region) AS has_catalog"
    )
    const users = await client.query('SELECT email FROM "user" WHERE deleted_at IS NULL ORDER BY created_at')
    const keys = await client.query(
      "SELECT token FROM api_key WHERE type = 'publishable' AND revoked_at IS NULL AND deleted_at IS NULL ORDER BY created_at"
    )
    return {
      migrated: true,
      hasCatalog: catalog.rows[0].has_catalog,
      adminEmails: users.rows.map((row) => row.email),
      publishableKeys: keys.rows.map((row) => row.token),
    }
  })
}
