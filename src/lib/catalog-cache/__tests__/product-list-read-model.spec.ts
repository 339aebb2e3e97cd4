import {
  listAnswer,
  listAnswerBytes,
  packDocument,
  unpackDocument,
  unpackDocumentBytes,
} from "../read-model/document-format"
import { readModelApplies } from "../read-model/read-model-scope"

describe("product list read model", () => {
  it("answers product lists whose parameters it knows, in any bracket form", () => {
    expect(readModelApplies("/store/products")).toBe(true)
    expect(
      readModelApplies(
        "/store/products?limit=20&offset=40&order=-created_at&region_id=reg_1&fields=*variants.calculated_price"
      )
    ).toBe(true)
    expect(
      readModelApplies("/store/products?category_id[]=pcat_1&collection_id[0]=pcol_1&id[]=a&id[]=b&handle=mug")
    ).toBe(true)
    expect(readModelApplies("/store/products?country_code=de&province=be&locale=de-DE")).toBe(true)
  })

  it("leaves everything else to Medusa: other routes, unknown parameters, a category filter with categories shown", () => {
    expect(readModelApplies("/store/products/prod_1")).toBe(false)
    expect(readModelApplies("/store/product-categories")).toBe(false)
    expect(readModelApplies("/store/products?q=shirt")).toBe(false)
    expect(readModelApplies("/store/products?created_at[$gte]=2026-01-01")).toBe(false)
    expect(readModelApplies("/store/products?limit=5&options[color]=blue")).toBe(false)
    expect(readModelApplies("/store/products?category_id[]=pcat_1&fields=*categories")).toBe(false)
    expect(readModelApplies("/store/products?category_id[]=pcat_1&fields=%2Bcategories.name")).toBe(false)
    expect(readModelApplies("/store/products?fields=*categories")).toBe(true)
  })

  it("writes Medusa's list answer around the stored documents", () => {
    const text = listAnswer(['{"id":"a","title":"A"}', '{"id":"b"}'], 12, 10, 2)
    expect(JSON.parse(text)).toEqual({
      products: [{ id: "a", title: "A" }, { id: "b" }],
      count: 12,
      offset: 10,
      limit: 2,
    })
    expect(text).toBe(
      JSON.stringify({ products: [{ id: "a", title: "A" }, { id: "b" }], count: 12, offset: 10, limit: 2 })
    )
    expect(listAnswer([], 0, 0, 20)).toBe('{"products":[],"count":0,"offset":0,"limit":20}')
  })

  it("writes the same answer as UTF-8 bytes from documents as bytes (the fast path's way)", () => {
    const documents = ['{"id":"a","title":"Café crème 10 €"}', '{"id":"b"}', '{"id":"c"}']
    for (const list of [documents, documents.slice(0, 1), []]) {
      const bytes = listAnswerBytes(
        list.map((document) => unpackDocumentBytes(packDocument(document))),
        12,
        10,
        3
      )
      expect(bytes.equals(Buffer.from(listAnswer(list, 12, 10, 3), "utf8"))).toBe(true)
    }
  })

  it("keeps documents deflated and gives back the same text", () => {
    const document = JSON.stringify({
      id: "prod_1",
      title: "Café crème 10 €",
      variants: Array.from({ length: 30 }, (_, i) => ({ sku: `SKU-${i}`, price: 1000 + i })),
    })
    const packed = packDocument(document)
    expect(packed.length).toBeLessThan(document.length / 3)
    expect(unpackDocument(packed)).toBe(document)
  })
})
