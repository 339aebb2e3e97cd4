import { productsOfCart, productsOfStockEvent } from "../invalidation/stock-products"

/** A graph that answers from a small fixed data set, as Medusa's Query would for these entities. */
const rows: Record<string, Array<Record<string, any>>> = {
  reservation_item: [{ id: "res_1", inventory_item_id: "iitem_1" }],
  inventory_level: [{ id: "ilev_1", inventory_item_id: "iitem_2" }],
  product_variant_inventory_items: [
    { variant_id: "variant_1", inventory_item_id: "iitem_1", variant: { product_id: "prod_1" } },
    { variant_id: "variant_2", inventory_item_id: "iitem_2", variant: { product_id: "prod_2" } },
    // A kit: its variant is made of the same inventory item as variant_1.
    { variant_id: "variant_kit", inventory_item_id: "iitem_1", variant: { product_id: "prod_kit" } },
  ],
  order: [{ id: "order_1", items: [{ product_id: "prod_1" }, { product_id: "prod_3" }, { product_id: "prod_1" }] }],
  cart: [
    {
      id: "cart_1",
      items: [
        { product_id: "prod_2", variant_id: "variant_2" },
        { product_id: null, variant_id: null },
      ],
    },
    { id: "cart_kit", items: [{ product_id: "prod_1", variant_id: "variant_1" }] },
    { id: "cart_custom", items: [{ product_id: null, variant_id: null }] },
  ],
}
const graph = async ({ entity, filters }: { entity: string; filters?: Record<string, unknown> }) => {
  const [column, wanted] = Object.entries(filters ?? {})[0]
  return { data: (rows[entity] ?? []).filter((row) => (wanted as string[]).includes(row[column])) }
}

describe("the products a stock change touched", () => {
  it("follows reservations, inventory levels and items to their products, for module and workflow events", async () => {
    expect(
      await productsOfStockEvent({ name: "inventory.reservation-item.created", data: { id: "res_1" } }, graph)
    ).toEqual(["prod_1", "prod_kit"])
    expect(
      await productsOfStockEvent(
        { name: "reservation-item.deleted", data: [{ id: "res_1", order_id: "order_1" }] },
        graph
      )
    ).toEqual(["prod_1", "prod_kit"])
    expect(await productsOfStockEvent({ name: "inventory-level.updated", data: { id: ["ilev_1"] } }, graph)).toEqual([
      "prod_2",
    ])
    expect(
      await productsOfStockEvent({ name: "inventory.inventory-item.updated", data: { id: "iitem_1" } }, graph)
    ).toEqual(["prod_1", "prod_kit"])
  })

  it("follows an order to the products it holds, each once", async () => {
    expect(await productsOfStockEvent({ name: "order.placed", data: { id: "order_1" } }, graph)).toEqual([
      "prod_1",
      "prod_3",
    ])
    expect(await productsOfStockEvent({ name: "order.canceled", data: { id: "order_1" } }, graph)).toEqual([
      "prod_1",
      "prod_3",
    ])
  })

  it("says it cannot tell (no products) for an event it does not know, without ids, or with nothing behind them", async () => {
    expect(await productsOfStockEvent({ name: "order.updated", data: { id: "order_1" } }, graph)).toEqual([])
    expect(await productsOfStockEvent({ name: "inventory.reservation-item.created", data: {} }, graph)).toEqual([])
    expect(
      await productsOfStockEvent({ name: "inventory.reservation-item.created", data: { id: "res_gone" } }, graph)
    ).toEqual([])
  })

  it("finds a cart's products, and the products that share an inventory item with them (kits)", async () => {
    expect(await productsOfCart("cart_1", graph)).toEqual(["prod_2"])
    expect(await productsOfCart("cart_kit", graph)).toEqual(["prod_1", "prod_kit"])
    expect(await productsOfCart("cart_custom", graph)).toEqual([])
    expect(await productsOfCart("cart_none", graph)).toEqual([])
  })
})
