import { ifNoneMatchHits, strongEntityTag } from "../entity-tag"
import { CATALOG_KEY, STOCK_KEY, WIDE_STOCK_KEY, surrogateKeysOf } from "../surrogate-keys"

describe("surrogate keys of a catalog answer", () => {
  it("names the catalog, each product once, and stock when the answer shows it", () => {
    const body = JSON.stringify({
      products: [
        { id: "prod_01A", variants: [{ id: "variant_1", product_id: "prod_01A" }] },
        { id: "prod_01B", collection: { id: "pcol_1" }, description: 'quotes "prod_ in text' },
      ],
    })
    expect(surrogateKeysOf(body, false)).toEqual([CATALOG_KEY, "prod_01A", "prod_01B"])
    expect(surrogateKeysOf(Buffer.from(body), true)).toEqual([CATALOG_KEY, STOCK_KEY, "prod_01A", "prod_01B"])
    expect(surrogateKeysOf(JSON.stringify({ regions: [{ id: "reg_1" }] }), false)).toEqual([CATALOG_KEY])
  })

  it("names the categories an answer contains, so a CDN can drop them by hand", () => {
    const categories = JSON.stringify({
      product_categories: [{ id: "pcat_01T", parent_category_id: null, category_children: [{ id: "pcat_01S" }] }],
    })
    expect(surrogateKeysOf(categories, false)).toEqual([CATALOG_KEY, "pcat_01T", "pcat_01S"])
    const product = JSON.stringify({ product: { id: "prod_01A", categories: [{ id: "pcat_01T" }] } })
    expect(surrogateKeysOf(product, false)).toEqual([CATALOG_KEY, "prod_01A", "pcat_01T"])
  })

  it("names no product when the list would not fit in a header; stock answers then purge with any stock change", () => {
    const products = Array.from({ length: 400 }, (_, i) => ({ id: `prod_${String(i).padStart(26, "0")}` }))
    const body = JSON.stringify({ products })
    expect(surrogateKeysOf(body, false)).toEqual([CATALOG_KEY])
    expect(surrogateKeysOf(body, true)).toEqual([CATALOG_KEY, STOCK_KEY, WIDE_STOCK_KEY])
    const fits = surrogateKeysOf(JSON.stringify({ products: products.slice(0, 200) }), true)
    expect(fits).toHaveLength(202)
  })
})

describe("entity tags", () => {
  it("are strong digests of the exact bytes", () => {
    expect(strongEntityTag('{"a":1}')).toBe(strongEntityTag(Buffer.from('{"a":1}')))
    expect(strongEntityTag('{"a":1}')).not.toBe(strongEntityTag('{"a": 1}'))
    expect(strongEntityTag("x")).toMatch(/^"[^"]+"$/)
  })

  it("match If-None-Match lists, weak forms and *, nothing else", () => {
    const tag = strongEntityTag("x")
    expect(ifNoneMatchHits(tag, tag)).toBe(true)
    expect(ifNoneMatchHits(`"other", W/${tag}`, tag)).toBe(true)
    expect(ifNoneMatchHits("*", tag)).toBe(true)
    expect(ifNoneMatchHits(['"other"', tag], tag)).toBe(true)
    expect(ifNoneMatchHits('"other"', tag)).toBe(false)
    expect(ifNoneMatchHits(tag.slice(0, -2) + '"', tag)).toBe(false)
    expect(ifNoneMatchHits(undefined, tag)).toBe(false)
  })
})
