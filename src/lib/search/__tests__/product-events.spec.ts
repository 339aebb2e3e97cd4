import { eventIds } from "../../products-of-event"
import { resolveProductIds } from "../product-events"

describe("product index events", () => {
  it("reads ids from every event data shape", () => {
    expect(eventIds({ id: "a" })).toEqual(["a"])
    expect(eventIds({ id: ["a", "b"] })).toEqual(["a", "b"])
    expect(eventIds([{ id: "a" }, { id: "b" }])).toEqual(["a", "b"])
    expect(eventIds({})).toEqual([])
    expect(eventIds(null)).toEqual([])
  })

  it("maps a variant, an inventory level and a category back to their products", async () => {
    const graph = jest.fn(async ({ entity }: { entity: string }) => {
      const data: Record<string, any[]> = {
        product_variant: [{ product_id: "prod_1" }, { product_id: "prod_1" }],
        inventory_level: [{ inventory_item_id: "iitem_1" }],
        product_variant_inventory_items: [{ variant: { product_id: "prod_2" } }],
        product_category: [{ products: [{ id: "prod_3" }, { id: "prod_4" }] }],
      }
      return { data: data[entity] ?? [] }
    })
    expect(await resolveProductIds({ name: "product-variant.deleted", data: { id: "v1" } }, graph)).toEqual(["prod_1"])
    expect(graph).toHaveBeenLastCalledWith(expect.objectContaining({ entity: "product_variant", withDeleted: true }))
    expect(await resolveProductIds({ name: "inventory-level.updated", data: { id: "ilev_1" } }, graph)).toEqual([
      "prod_2",
    ])
    expect(await resolveProductIds({ name: "product-category.updated", data: { id: "pcat_1" } }, graph)).toEqual([
      "prod_3",
      "prod_4",
    ])
    expect(await resolveProductIds({ name: "product.updated", data: { id: "prod_9" } }, graph)).toEqual(["prod_9"])
    expect(await resolveProductIds({ name: "order.placed", data: { id: "order_1" } }, graph)).toEqual([])
  })
})
