/** Every cacheable catalog answer carries this key: a catalog change purges them all. */
export const CATALOG_KEY = "tienda-catalog"
/** Answers that show stock levels also carry this one: a stock change of unknown products purges them. */
export const STOCK_KEY = "tienda-stock"
/** An answer showing the stock of too many products to name them all: purged with any stock change. */
export const WIDE_STOCK_KEY = "tienda-stock-wide"

/** The ids an answer is named by: products (stock purges name them) and categories (for a purge by hand). */
const ID_STARTS = [
  { start: Buffer.from('"prod_'), pattern: /^prod_[0-9A-Za-z]+$/ },
  { start: Buffer.from('"pcat_'), pattern: /^pcat_[0-9A-Za-z]+$/ },
]
const QUOTE = 0x22
/** A header of this size stays within what CDNs accept (Fastly: 16 KB); a longer list names no product. */
const MAX_HEADER_BYTES = 8_000

/**
 * The surrogate keys of a catalog answer: the catalog key, the stock key when it shows stock, and the id of every
 * product (a stock change of known products purges just their answers) and every category it contains. Ids are
 * found by scanning the bytes for `"prod_…"` and `"pcat_…"`, without parsing the JSON.
 */
export function surrogateKeysOf(body: Buffer | string, showsStock: boolean): string[] {
  const bytes = typeof body === "string" ? Buffer.from(body) : body
  const keys = new Set<string>([CATALOG_KEY])
  if (showsStock) {
    keys.add(STOCK_KEY)
  }
  let length = CATALOG_KEY.length + STOCK_KEY.length + 2
  for (const { start, pattern } of ID_STARTS) {
    let at = bytes.indexOf(start)
    while (at >= 0) {
      const end = bytes.indexOf(QUOTE, at + 1)
      if (end < 0) {
        break
      }
      const id = bytes.toString("latin1", at + 1, end)
      if (pattern.test(id) && !keys.has(id)) {
        length += id.length + 1
        if (length > MAX_HEADER_BYTES) {
          return showsStock ? [CATALOG_KEY, STOCK_KEY, WIDE_STOCK_KEY] : [CATALOG_KEY]
        }
        keys.add(id)
      }
      at = bytes.indexOf(start, end + 1)
    }
  }
  return [...keys]
}
