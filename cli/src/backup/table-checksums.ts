import type { Client } from "pg"
import type { TableChecksum } from "../../../src/lib/backups/backup-manifest"

/**
 * Every user table of the database (all schemas but PostgreSQL's own), in name order, with its row count and the md5
 * of its rows' md5s in sorted order: two databases with the same rows give the same list, a changed, missing or
 * added row changes it.
 */
export async function tableChecksums(client: Client): Promise<TableChecksum[]> {
  const tables = await client.query<{ schema: string; name: string }>(
    `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
      ORDER BY n.nspname, c.relname`
  )
  const result: TableChecksum[] = []
  for (const { schema, name } of tables.rows) {
    const qualified = `${client.escapeIdentifier(schema)}.${client.escapeIdentifier(name)}`
    const { rows } = await client.query<{ rows: string; checksum: string | null }>(
      `SELECT count(*) AS rows, md5(string_agg(h, '' ORDER BY h)) AS checksum
         FROM (SELECT md5(t::text) AS h FROM ONLY ${qualified} t) s`
    )
    result.push({ table: `${schema}.${name}`, rows: Number(rows[0].rows), checksum: rows[0].checksum ?? "" })
  }
  return result
}

/** What differs between two lists: tables missing on either side, and tables whose rows or checksum changed. */
export function compareTableChecksums(expected: TableChecksum[], actual: TableChecksum[]): string[] {
  const found = new Map(actual.map((table) => [table.table, table]))
  const problems: string[] = []
  for (const table of expected) {
    const other = found.get(table.table)
    if (!other) {
      problems.push(`${table.table}: missing`)
    } else if (other.rows !== table.rows) {
      problems.push(`${table.table}: ${other.rows} rows, the backup has ${table.rows}`)
    } else if (other.checksum !== table.checksum) {
      problems.push(`${table.table}: same ${table.rows} rows but different content`)
    }
    found.delete(table.table)
  }
  for (const extra of found.keys()) {
    problems.push(`${extra}: not in the backup`)
  }
  return problems
}
