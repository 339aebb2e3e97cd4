import { entityId } from "../entity-ids"
import { sequenceOfSku, syntheticProduct, syntheticSkuStem } from "../synthetic-products"
import { FAMILIES, sharedOptionSpecs } from "../synthetic-vocabulary"

const LOCATIONS = ["madrid", "new-jersey"]

describe("syntheticProduct", () => {
  it("is the same for the same sequence number", () => {
    expect(syntheticProduct(42, LOCATIONS)).toEqual(syntheticProduct(42, LOCATIONS))
  })

  it("gives unique handles and SKUs, three variants, whole prices and positive sizes", () => {
    const handles = new Set<string>()
    const skus = new Set<string>()
    for (let sequence = 1; sequence <= 2000; sequence++) {
      const { product, inventory } = syntheticProduct(sequence, LOCATIONS)
      handles.add(product.handle)
      expect(product.variants).toHaveLength(3)
      for (const variant of product.variants) {
        skus.add(variant.sku)
        expect(sequenceOfSku(variant.sku)).toBe(sequence)
        expect(Number.isSafeInteger(variant.prices.eur) && variant.prices.eur > 0).toBe(true)
        expect(Number.isSafeInteger(variant.prices.usd) && variant.prices.usd > variant.prices.eur).toBe(true)
        for (const field of ["weight", "length", "width", "height"] as const) {
          expect(Number.isSafeInteger(variant[field]) && variant[field] > 0).toBe(true)
        }
        expect(Object.keys(inventory[variant.sku]).sort()).toEqual([...LOCATIONS].sort())
      }
    }
    expect(handles.size).toBe(2000)
    expect(skus.size).toBe(6000)
  })

  it("only uses values of the shared options", () => {
    const specs = new Map(sharedOptionSpecs().map((spec) => [spec.title, new Set(spec.values)]))
    for (let sequence = 1; sequence <= 500; sequence++) {
      const { product } = syntheticProduct(sequence, LOCATIONS)
      for (const option of product.options) {
        for (const value of option.values) {
          expect(specs.get(option.title)?.has(value)).toBe(true)
        }
      }
    }
  })

  it("only files products under the demo store's leaf categories", () => {
    const leaves = [
      "tops",
      "outerwear",
      "bottoms",
      "bags",
      "hats-scarves",
      "small-leather-goods",
      "kitchen-dining",
      "bedding-bath",
      "decor",
    ]
    for (const family of FAMILIES) {
      expect(leaves).toContain(family.category)
    }
  })
})

describe("synthetic SKUs", () => {
  it("pad the sequence so that they sort in order", () => {
    expect(syntheticSkuStem(42)).toBe("SYN-0000042")
    expect(sequenceOfSku("SYN-0000042-M")).toBe(42)
    expect(sequenceOfSku("TEE-CRW-WHT-S")).toBeNull()
  })
})

describe("entityId", () => {
  it("has Medusa's <prefix>_<ULID> form and does not repeat", () => {
    const ids = Array.from({ length: 10000 }, () => entityId("prod"))
    for (const id of ids.slice(0, 50)) {
      expect(id).toMatch(/^prod_[0-9A-HJKMNP-TV-Z]{26}$/)
    }
    expect(new Set(ids).size).toBe(ids.length)
  })
})
