import { parseProductListQuery } from "../fast-path/product-list-query"
import { SelectionMemo, selectionKey, selectionQuery } from "../fast-path/product-selection"
import {
  renderingContextName,
  rememberRenderingContext,
  renderingKeyOf,
  forgetRenderingContexts,
} from "../read-model/rendering-contexts"

describe("product list fast path: parsing", () => {
  it("reads filters, order, page and rendering parameters as Medusa's validator does", () => {
    const parsed = parseProductListQuery(
      "/store/products?limit=20&offset=40&order=-created_at&region_id=reg_1&fields=*variants.calculated_price,%2Bvariants.inventory_quantity&category_id[]=b&category_id[]=a&handle=mug&is_giftcard=false"
    )
    expect(parsed).toEqual({
      selection: {
        filters: { category_id: ["a", "b"], handle: ["mug"] },
        isGiftcard: false,
        order: { column: "created_at", descending: true },
      },
      limit: 20,
      offset: 40,
      rendering: "fields=*variants.calculated_price%2C%2Bvariants.inventory_quantity&region_id=reg_1",
    })
    // Repeated plain names are lists too; the defaults are Medusa's (50, 0, by id).
    expect(parseProductListQuery("/store/products?id=b&id=a")).toEqual({
      selection: { filters: { id: ["a", "b"] }, order: { column: "id", descending: false } },
      limit: 50,
      offset: 0,
      rendering: "",
    })
  })

  it("names the rendering context the same whatever the parameter order", () => {
    const a = parseProductListQuery("/store/products?region_id=r&fields=id&limit=5")!
    const b = parseProductListQuery("/store/products?offset=5&fields=id&region_id=r")!
    expect(a.rendering).toBe(b.rendering)
    expect(renderingContextName("pk", ["sc_2", "sc_1"], a.rendering)).toBe(
      renderingContextName("pk", ["sc_1", "sc_2"], b.rendering)
    )
  })

  it("leaves to Medusa whatever it does not read exactly: bad numbers, repeats, other parameters and forms", () => {
    for (const url of [
      "/store/products/prod_1",
      "/store/products?limit=0",
      "/store/products?limit=-1",
      "/store/products?limit=2.5",
      "/store/products?limit=1e3",
      "/store/products?limit=201",
      "/store/products?offset=abc",
      "/store/products?limit=5&limit=6",
      "/store/products?order=price",
      "/store/products?order=variants.title",
      "/store/products?is_giftcard=yes",
      "/store/products?id[0]=a",
      "/store/products?title[$ilike]=a",
      "/store/products?category_id=",
      "/store/products?sales_channel_id=sc_1",
      "/store/products?locale=de-DE",
      "/store/products?cart_id=cart_1",
      "/store/products?q=shirt",
      "/store/products?region_id=a&region_id=b",
      // Medusa splits a one-element list on commas: two categories, not one called "a,b".
      "/store/products?category_id[]=a,b",
      "/store/products?title=Shirt,%20blue",
      // qs reads "id=a]" as the parameter's name here.
      "/store/products?id=a]=b",
      // qs keeps only the first 1,000 parameters.
      `/store/products?${Array.from({ length: 1_001 }, (_, i) => `id=${i}`).join("&")}`,
    ]) {
      expect({ url, parsed: parseProductListQuery(url) }).toEqual({ url, parsed: null })
    }
  })
})

describe("product list fast path: selection SQL", () => {
  const order = { column: "id" as const, descending: false }

  it("is published, not deleted, by id, without a channel filter in a one-channel store", () => {
    const { sql, bindings } = selectionQuery({ filters: {}, order }, { salesChannelIds: null })
    expect(sql).toBe(
      "SELECT p.id FROM product p WHERE p.deleted_at IS NULL AND p.status = 'published' ORDER BY p.id ASC"
    )
    expect(bindings).toEqual([])
  })

  it("binds every value, filters by channel, category and tag links, and breaks order ties by id", () => {
    const { sql, bindings } = selectionQuery(
      {
        filters: {
          handle: ["a", "b"],
          category_id: ["c1"],
          tag_id: ["t1"],
          collection_id: ["x'; drop table product; --"],
        },
        isGiftcard: true,
        order: { column: "title", descending: true },
      },
      { salesChannelIds: ["sc_1", "sc_2"] }
    )
    expect(sql).toContain("psc.sales_channel_id IN (?, ?)")
    expect(sql).toContain("p.handle IN (?, ?)")
    expect(sql).toContain("p.collection_id IN (?)")
    expect(sql).toContain("pcp.product_category_id IN (?)")
    expect(sql).toContain("pt.product_tag_id IN (?)")
    expect(sql).toContain("p.is_giftcard = ?")
    expect(sql).not.toContain("drop table")
    expect(sql.endsWith("ORDER BY p.title DESC, p.id ASC")).toBe(true)
    expect(bindings).toEqual(["sc_1", "sc_2", "a", "b", "x'; drop table product; --", "c1", "t1", true])
    expect((sql.match(/\?/g) ?? []).length).toBe(bindings.length)
  })

  it("keys a selection by generation, channels, filters and order", () => {
    const selection = { filters: { id: ["a"] }, order }
    const key = selectionKey(selection, { salesChannelIds: null }, 1)
    expect(selectionKey(selection, { salesChannelIds: null }, 2)).not.toBe(key)
    expect(selectionKey(selection, { salesChannelIds: ["sc"] }, 1)).not.toBe(key)
    expect(
      selectionKey({ ...selection, order: { column: "id", descending: true } }, { salesChannelIds: null }, 1)
    ).not.toBe(key)
    expect(selectionKey({ filters: { id: ["a"] }, order }, { salesChannelIds: null }, 1)).toBe(key)
  })
})

describe("product list fast path: memo of id lists", () => {
  it("loads a selection once, shares a load in progress, and drops the least recently used past its id budget", async () => {
    const memo = new SelectionMemo(5)
    let loads = 0
    const load = (ids: string[]) => async () => {
      loads++
      await new Promise((resolve) => setTimeout(resolve, 5))
      return ids
    }
    const [a1, a2] = await Promise.all([memo.ids("a", load(["1", "2"])), memo.ids("a", load(["x"]))])
    expect([a1, a2, loads]).toEqual([["1", "2"], ["1", "2"], 1])
    await memo.ids("b", load(["3", "4"]))
    await memo.ids("a", load(["never"]))
    expect(loads).toBe(2)
    await memo.ids("c", load(["5", "6"]))
    // 6 ids > 5: "b" (least recently used) went.
    expect(memo.weight).toBe(4)
    expect(await memo.ids("b", load(["3", "4"]))).toEqual(["3", "4"])
    expect(loads).toBe(4)
    // A list larger than the whole budget is answered, not kept.
    expect(await memo.ids("big", load(["1", "2", "3", "4", "5", "6"]))).toHaveLength(6)
    expect(memo.weight).toBeLessThanOrEqual(5)
  })

  it("keeps at most maxLists lists, however small", async () => {
    const memo = new SelectionMemo(1_000, 2)
    for (const key of ["a", "b", "c"]) {
      await memo.ids(key, async () => [key])
    }
    expect(memo.size).toBe(2)
    let loaded = false
    await memo.ids("a", async () => ((loaded = true), ["a"]))
    expect(loaded).toBe(true)
  })

  it("does not keep a failed load", async () => {
    const memo = new SelectionMemo(10)
    await expect(memo.ids("a", async () => Promise.reject(new Error("down")))).rejects.toThrow("down")
    expect(await memo.ids("a", async () => ["1"])).toEqual(["1"])
  })
})

describe("product list fast path: rendering contexts", () => {
  afterEach(forgetRenderingContexts)

  it("gives a context's rendering key only at the generation Medusa worked it out", () => {
    rememberRenderingContext("ctx", "7.2", "key-a")
    expect(renderingKeyOf("ctx", "7.2")).toBe("key-a")
    expect(renderingKeyOf("ctx", "8.2")).toBeUndefined()
    expect(renderingKeyOf("other", "7.2")).toBeUndefined()
  })
})
