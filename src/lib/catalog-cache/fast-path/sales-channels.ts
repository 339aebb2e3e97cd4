/** The part of knex the fast path uses: one raw query. */
export interface Knex {
  raw(sql: string, bindings: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>
}

/** Whether the store has more than one sales channel, per catalog generation (Medusa filters by channel only then). */
let channelCount: { generation: number; several: Promise<boolean> } | undefined

export async function severalChannels(pg: Knex, generation: number): Promise<boolean> {
  if (channelCount?.generation !== generation) {
    const several = pg
      .raw(`SELECT count(*)::int AS n FROM sales_channel WHERE deleted_at IS NULL`, [])
      .then(({ rows }) => Number(rows[0]?.n) > 1)
    channelCount = { generation, several }
    several.catch(() => (channelCount = undefined))
  }
  return channelCount.several
}
