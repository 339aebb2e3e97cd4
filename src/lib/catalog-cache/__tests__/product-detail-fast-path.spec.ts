import { listUrlOf, productIdOf } from "../fast-path/product-detail-answer"
import { detailAnswerBytes } from "../read-model/document-format"

describe("product page fast path (GET /store/products/:id)", () => {
  it("reads the product id of a product page URL only", () => {
    expect(productIdOf("/store/products/prod_01ABC?region_id=reg_1")).toBe("prod_01ABC")
    expect(productIdOf("/store/products/prod%5F1")).toBe("prod_1")
    for (const url of [
      "/store/products",
      "/store/products?id=prod_1",
      "/store/products/prod_1/variants",
      "/store/products/%E0%A4%A",
      "/store/regions/reg_1",
      "/store/products/prod%001",
      "/store/products/prod'1",
      "/store/products/a%20b",
      `/store/products/${"p".repeat(101)}`,
    ]) {
      expect({ url, id: productIdOf(url) }).toEqual({ url, id: undefined })
    }
  })

  it("reuses the list context of the same rendering parameters, and leaves every other parameter to Medusa", () => {
    expect(listUrlOf("/store/products/prod_1")).toBe("/store/products")
    expect(listUrlOf("/store/products/prod_1?region_id=reg_1&fields=*variants.calculated_price")).toBe(
      "/store/products?region_id=reg_1&fields=*variants.calculated_price"
    )
    for (const url of [
      // List parameters filter the one product in Medusa's retrieve route.
      "/store/products/prod_1?q=shirt",
      "/store/products/prod_1?category_id[]=pcat_1",
      "/store/products/prod_1?limit=5",
      "/store/products/prod_1?handle=mug",
      // The retrieve route drops internal categories where the list route keeps them.
      "/store/products/prod_1?fields=*categories",
      "/store/products/prod_1?fields=%2Bcategories.name",
    ]) {
      expect({ url, list: listUrlOf(url) }).toEqual({ url, list: undefined })
    }
  })

  it("answers { product } with one categories.is_internal entry per category, as Medusa's retrieve route does", () => {
    const document = Buffer.from('{"id":"prod_1","title":"Café"}')
    expect(JSON.parse(detailAnswerBytes(document, 2).toString("utf8"))).toEqual({
      product: { id: "prod_1", title: "Café", categories: [{ is_internal: false }, { is_internal: false }] },
    })
    expect(JSON.parse(detailAnswerBytes(document, 0).toString("utf8"))).toEqual({
      product: { id: "prod_1", title: "Café", categories: [] },
    })
    expect(() => detailAnswerBytes(Buffer.from("[1]"), 0)).toThrow(/not a JSON object/)
  })
})
