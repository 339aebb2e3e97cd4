import { loadDemoData, validateDemoData } from "../load-data"
import type { DemoData } from "../types"

const fresh = (): DemoData => JSON.parse(JSON.stringify(loadDemoData()))

describe("the demo data", () => {
  it("is consistent and big enough to be a real shop", () => {
    const data = loadDemoData()
    const categories = data.categories.flatMap((c) => [c, ...(c.children ?? [])])
    expect(data.products.length).toBeGreaterThanOrEqual(40)
    expect(categories.length).toBeGreaterThanOrEqual(5)
    expect(data.collections.length).toBeGreaterThanOrEqual(3)
    expect(data.products.every((p) => p.variants.every((v) => v.prices.eur > 0 && v.prices.usd > 0))).toBe(true)
    const stock = Object.values(data.inventory)
    expect(stock.some((levels) => Object.values(levels).every((quantity) => quantity === 0))).toBe(true)
  })

  it("rejects a SKU without stock, a price in euros instead of cents and an unknown category", () => {
    const noStock = fresh()
    delete noStock.inventory[noStock.products[0].variants[0].sku]
    expect(() => validateDemoData(noStock)).toThrow(/has no row in inventory.json/)

    const floatPrice = fresh()
    floatPrice.products[0].variants[0].prices.eur = 28.95
    expect(() => validateDemoData(floatPrice)).toThrow(/minor units/)

    const badCategory = fresh()
    badCategory.products[0].categories = ["shoes"]
    expect(() => validateDemoData(badCategory)).toThrow(/category "shoes"/)
  })

  it("rejects a duplicated SKU and a variant with an option value its product does not offer", () => {
    const duplicate = fresh()
    duplicate.products[1].variants[0].sku = duplicate.products[0].variants[0].sku
    expect(() => validateDemoData(duplicate)).toThrow(/is used twice/)

    const badOption = fresh()
    badOption.products[0].variants[0].options.Size = "XXL"
    expect(() => validateDemoData(badOption)).toThrow(/not one of/)
  })
})
