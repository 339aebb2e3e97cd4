import { createHash } from "node:crypto"
import { Memo } from "../../memo/memo"
import type { ProductSelection } from "./product-list-query"

/**
 * Which products a store product list shows, in which order: the ids of a whole selection (every page of it) from
 * one SQL query, kept in memory per catalog generation, so that any page of it is a slice.
 *
 * The query is Medusa's store filters written out (checked against Medusa's own answers in the integration
 * tests): published and not deleted; in the publishable key's sales channels when the store has more than one
 * (with one, Medusa does not filter by channel); each list filter as "any of"; categories and tags through their
 * link tables. A store category filter selects through categories that are neither internal nor inactive only
 * (`is_internal: false, is_active: true`: the rule Medusa's route states and
 * src/api/catalog-cache/store-category-filter.ts applies to it), so an internal category lists nothing; with that
 * rule Medusa's query reads the category row, deleted ones excluded, so a deleted category lists nothing either.
 * Tags go through their link table only: a deleted tag still selects the products linked to it, in Medusa's answer
 * and here. Medusa orders by id unless told otherwise and leaves ties to PostgreSQL; here ties are ordered by id,
 * so pages never overlap.
 */

export interface SelectionScope {
  /** The sales channels of the publishable key, or null when the store has one channel (no channel filter). */
  salesChannelIds: string[] | null
}

export interface SqlQuery {
  sql: string
  bindings: unknown[]
}

const SIMPLE_COLUMNS = {
  id: "id",
  handle: "handle",
  title: "title",
  collection_id: "collection_id",
  type_id: "type_id",
} as const

function placeholders(values: unknown[]): string {
  return values.map(() => "?").join(", ")
}

/** The SQL for a selection's ids (knex `?` bindings). */
export function selectionQuery(selection: ProductSelection, scope: SelectionScope): SqlQuery {
  const where = [`p.deleted_at IS NULL`, `p.status = 'published'`]
  const bindings: unknown[] = []
  const anyOf = (condition: (list: string) => string, values: string[]) => {
    where.push(condition(placeholders(values)))
    bindings.push(...values)
  }
  if (scope.salesChannelIds) {
    anyOf(
      (list) =>
        `EXISTS (SELECT 1 FROM product_sales_channel psc WHERE psc.product_id = p.id AND psc.deleted_at IS NULL
          AND psc.sales_channel_id IN (${list}))`,
      scope.salesChannelIds
    )
  }
  for (const [filter, column] of Object.entries(SIMPLE_COLUMNS)) {
    const values = selection.filters[filter as keyof typeof SIMPLE_COLUMNS]
    if (values) {
      anyOf((list) => `p.${column} IN (${list})`, values)
    }
  }
  if (selection.filters.category_id) {
    anyOf(
      (list) =>
        `EXISTS (SELECT 1 FROM product_category_product pcp JOIN product_category pc ON pc.id = pcp.product_category_id
          WHERE pcp.product_id = p.id AND pcp.product_category_id IN (${list})
          AND pc.is_internal = false AND pc.is_active = true
          AND pc.deleted_at IS NULL)`,
      selection.filters.category_id
    )
  }
  if (selection.filters.tag_id) {
    anyOf(
      (list) => `EXISTS (SELECT 1 FROM product_tags pt WHERE pt.product_id = p.id AND pt.product_tag_id IN (${list}))`,
      selection.filters.tag_id
    )
  }
  if (selection.isGiftcard !== undefined) {
    where.push(`p.is_giftcard = ?`)
    bindings.push(selection.isGiftcard)
  }
  const { column, descending } = selection.order
  const order =
    column === "id" ? `p.id ${descending ? "DESC" : "ASC"}` : `p.${column} ${descending ? "DESC" : "ASC"}, p.id ASC`
  return { sql: `SELECT p.id FROM product p WHERE ${where.join(" AND ")} ORDER BY ${order}`, bindings }
}

/**
 * What identifies a selection's id list: the selection, the channels and the catalog generation. Hashed: a URL's
 * filters can be kilobytes long, and the memo keeps up to 20,000 keys.
 */
export function selectionKey(selection: ProductSelection, scope: SelectionScope, generation: number): string {
  const parts = JSON.stringify([
    generation,
    scope.salesChannelIds,
    selection.filters,
    selection.isGiftcard ?? null,
    selection.order,
  ])
  return createHash("sha256").update(parts).digest("base64url")
}

/** Id lists by selection key, bounded by ids in all and by lists (product pages by handle are one list each). */
export class SelectionMemo extends Memo<string[]> {
  constructor(maxIds: number, maxLists = 20_000) {
    super({ maxWeight: maxIds, maxEntries: maxLists, weight: (ids) => ids.length })
  }

  ids(key: string, load: () => Promise<string[]>): Promise<string[]> {
    return this.get(key, load)
  }
}
